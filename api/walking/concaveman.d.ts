/** Types for concaveman (the package ships none): a concave hull of 2-D points; the hull's vertices are the input arrays themselves. */
declare module 'concaveman' {
  export default function concaveman<P extends readonly number[]>(points: P[], concavity?: number, lengthThreshold?: number): P[];
}

import { useI18n } from '../../i18n/index.js';

/** A column of a sheet table: its heading, and whether it holds numbers (right-aligned). */
export type SheetColumn = [heading: string, numeric?: 'num'];

/** The header row of a sheet table: the number the map shows, then `columns`. */
export function SheetTableHead({ columns }: { columns: SheetColumn[] }) {
  const { m } = useI18n();
  return (
    <thead>
      <tr>
        <th scope="col" className="num">{m.sheet.number}</th>
        {columns.map(([heading, numeric]) => (
          <th key={heading} scope="col" className={numeric}>
            {heading}
          </th>
        ))}
      </tr>
    </thead>
  );
}

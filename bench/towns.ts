/**
 * Swedish towns the national synthetic data set clusters around: name, centre
 * [lon, lat] (WGS 84, rounded) and population in thousands (urban area, roughly),
 * which weights how many units, actors and child places each town gets.
 */
export interface Town {
  name: string;
  lon: number;
  lat: number;
  pop: number;
}

export const TOWNS: readonly Town[] = [
  { name: 'Stockholm', lon: 18.0686, lat: 59.3293, pop: 1600 },
  { name: 'Göteborg', lon: 11.9746, lat: 57.7089, pop: 600 },
  { name: 'Malmö', lon: 13.0038, lat: 55.605, pop: 350 },
  { name: 'Uppsala', lon: 17.6389, lat: 59.8586, pop: 180 },
  { name: 'Västerås', lon: 16.5448, lat: 59.6099, pop: 130 },
  { name: 'Örebro', lon: 15.2066, lat: 59.2741, pop: 125 },
  { name: 'Linköping', lon: 15.6214, lat: 58.4108, pop: 115 },
  { name: 'Helsingborg', lon: 12.6945, lat: 56.0465, pop: 115 },
  { name: 'Jönköping', lon: 14.1618, lat: 57.7826, pop: 100 },
  { name: 'Norrköping', lon: 16.1826, lat: 58.5877, pop: 100 },
  { name: 'Lund', lon: 13.191, lat: 55.7047, pop: 95 },
  { name: 'Umeå', lon: 20.263, lat: 63.8258, pop: 90 },
  { name: 'Gävle', lon: 17.1413, lat: 60.6749, pop: 80 },
  { name: 'Borås', lon: 12.9401, lat: 57.721, pop: 75 },
  { name: 'Södertälje', lon: 17.6254, lat: 59.1955, pop: 75 },
  { name: 'Eskilstuna', lon: 16.5077, lat: 59.3666, pop: 70 },
  { name: 'Halmstad', lon: 12.8578, lat: 56.6745, pop: 70 },
  { name: 'Växjö', lon: 14.8059, lat: 56.8777, pop: 70 },
  { name: 'Karlstad', lon: 13.5115, lat: 59.3793, pop: 65 },
  { name: 'Sundsvall', lon: 17.3069, lat: 62.3908, pop: 60 },
  { name: 'Luleå', lon: 22.1567, lat: 65.5848, pop: 50 },
  { name: 'Trollhättan', lon: 12.2886, lat: 58.2837, pop: 50 },
  { name: 'Östersund', lon: 14.6357, lat: 63.1792, pop: 50 },
  { name: 'Borlänge', lon: 15.4366, lat: 60.4858, pop: 45 },
  { name: 'Falun', lon: 15.6355, lat: 60.6065, pop: 40 },
  { name: 'Kalmar', lon: 16.3616, lat: 56.6634, pop: 45 },
  { name: 'Skövde', lon: 13.8451, lat: 58.3912, pop: 40 },
  { name: 'Kristianstad', lon: 14.1567, lat: 56.0294, pop: 40 },
  { name: 'Karlskrona', lon: 15.5866, lat: 56.1612, pop: 40 },
  { name: 'Skellefteå', lon: 20.9511, lat: 64.7507, pop: 35 },
  { name: 'Uddevalla', lon: 11.9381, lat: 58.3498, pop: 35 },
  { name: 'Lidköping', lon: 13.1577, lat: 58.5052, pop: 30 },
  { name: 'Motala', lon: 15.0366, lat: 58.5371, pop: 30 },
  { name: 'Landskrona', lon: 12.8306, lat: 55.8708, pop: 30 },
  { name: 'Nyköping', lon: 17.0086, lat: 58.753, pop: 35 },
  { name: 'Örnsköldsvik', lon: 18.7156, lat: 63.2909, pop: 30 },
  { name: 'Varberg', lon: 12.2508, lat: 57.1056, pop: 35 },
  { name: 'Trelleborg', lon: 13.1569, lat: 55.3751, pop: 30 },
  { name: 'Kungsbacka', lon: 12.0763, lat: 57.4872, pop: 25 },
  { name: 'Alingsås', lon: 12.5324, lat: 57.93, pop: 30 },
  { name: 'Sandviken', lon: 16.7765, lat: 60.6216, pop: 25 },
  { name: 'Visby', lon: 18.2948, lat: 57.6348, pop: 25 },
  { name: 'Piteå', lon: 21.4778, lat: 65.3172, pop: 25 },
  { name: 'Härnösand', lon: 17.9379, lat: 62.6323, pop: 18 },
  { name: 'Kiruna', lon: 20.2253, lat: 67.8558, pop: 18 },
  { name: 'Mora', lon: 14.5377, lat: 61.0047, pop: 11 },
  { name: 'Ystad', lon: 13.8201, lat: 55.4295, pop: 20 },
  { name: 'Vänersborg', lon: 12.3247, lat: 58.3807, pop: 25 },
  { name: 'Hudiksvall', lon: 17.1041, lat: 61.7274, pop: 17 },
  { name: 'Arvika', lon: 12.5872, lat: 59.655, pop: 15 },
];

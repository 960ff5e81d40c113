// CSV for the exports (ballots, results, challenges), as spreadsheets read
// it: quoted where needed, and a cell that would start a formula (=, +, -, @)
// neutralized with a leading apostrophe, so an exported team name can't run
// anything in Excel.

function csvField(value: string | number) {
  const text = String(value);
  return /[",\n\r]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : text;
}

export const csvLine = (fields: (string | number)[]) => fields.map(csvField).join(",") + "\r\n";

/**
 * Progress of a command over several items, on stderr: a one-line bar redrawn in place when
 * stderr is a terminal, plain lines when it is not (a pipe, a log, CI), so logs stay readable.
 * Hand-written: one line of `\r` and an erase is all it takes, not worth a dependency.
 */
export interface Progress {
  /** One item is done; `line` is what a log without the bar says about it. */
  advance(label: string, line: string): void;
  /** A message that must stay visible (a failure's reasons): printed above the bar. */
  note(text: string): void;
  /** Removes the bar. */
  done(): void;
}

export function startProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  let count = 0;
  if (!stream.isTTY) {
    return {
      advance(_label, line) {
        count += 1;
        stream.write(`[${count}/${total}] ${line}\n`);
      },
      note: (text) => stream.write(`${text}\n`),
      done: () => undefined,
    };
  }
  let label = "";
  const clear = () => stream.write("\r\x1b[2K");
  const draw = () => {
    const columns = stream.columns || 80;
    const counter = ` ${count}/${total} `;
    const width = Math.max(10, Math.min(30, columns - counter.length - 20));
    const filled = total === 0 ? width : Math.round((count / total) * width);
    const room = columns - width - counter.length - 3;
    const shown = label.length > room ? `${label.slice(0, Math.max(0, room - 1))}…` : label;
    clear();
    stream.write(`[${"█".repeat(filled)}${"░".repeat(width - filled)}]${counter}${shown}`);
  };
  draw();
  return {
    advance(next) {
      count += 1;
      label = next;
      draw();
    },
    note(text) {
      clear();
      stream.write(`${text}\n`);
      draw();
    },
    done: clear,
  };
}

/** A plain text table: columns padded to their widest cell, the last one left ragged. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  return [header, widths.map((w) => "─".repeat(w)), ...rows]
    .map((row) =>
      row
        .map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i]!) : cell))
        .join("  ")
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join("");
}

/** Shortens a cell to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

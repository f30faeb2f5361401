// Where a CLI verb writes: stdout/stderr lines (tests capture them; main.ts prints them).
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

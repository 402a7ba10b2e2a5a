// The part of the `unzipper` package the ONSPD reader uses (the package ships no types).
declare module 'unzipper' {
  import type { Readable } from 'node:stream';
  export interface CentralDirectoryFile {
    path: string;
    type: 'File' | 'Directory';
    uncompressedSize: number;
    stream(): Readable;
  }
  export const Open: { file(path: string): Promise<{ files: CentralDirectoryFile[] }> };
}

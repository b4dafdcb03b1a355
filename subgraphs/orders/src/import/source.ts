import { decodeText, readDelimited } from "./formats/text.ts";
import { readXls } from "./formats/xls.ts";
import { readXlsx } from "./formats/xlsx.ts";
import { type ImportRow, readRows } from "./grid.ts";

/** The largest file the import reads (decoded bytes) and the most data rows it takes. */
export const IMPORT_LIMITS = { maxBytes: 1024 * 1024, maxRows: 10_000 };

export type ImportFormat = "xlsx" | "xls" | "csv" | "paste";

export type FileErrorCode =
  | "NO_SOURCE"
  | "FILE_EMPTY"
  | "FILE_TOO_LARGE"
  | "TOO_MANY_ROWS"
  | "UNSUPPORTED_FORMAT"
  | "FILE_BROKEN"
  | "FILE_ENCRYPTED"
  | "NO_ROWS"
  | "NOTHING_TO_ADD";

/** Why a whole file (or paste) cannot be read; nothing is added. */
export interface FileError {
  kind: "import_file_error";
  code: FileErrorCode;
  message: string;
}

export interface ParsedSource {
  format: ImportFormat;
  rows: ImportRow[];
  headerLine: number | null;
}

/** A file as base64 with its name, or pasted text: exactly one of the two. */
export type ImportSource = { file: { filename: string; contentBase64: string } } | { paste: string };

const fileError = (code: FileErrorCode, message: string): FileError => ({ kind: "import_file_error", code, message });

export const isFileError = (v: unknown): v is FileError =>
  typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "import_file_error";

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** An OOXML workbook saved with a password is an OLE container holding an "EncryptionInfo" stream. */
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");

const extensionOf = (filename: string) => /\.([a-z0-9]+)$/i.exec(filename.trim())?.[1]?.toLowerCase() ?? "";

async function gridOf(filename: string, bytes: Buffer) {
  const ext = extensionOf(filename);
  const kind = bytes.subarray(0, 4).equals(ZIP)
    ? "zip"
    : bytes.subarray(0, 8).equals(OLE)
      ? "ole"
      : bytes.includes(0)
        ? "binary"
        : "text";
  if (kind === "ole" && bytes.includes(ENCRYPTION_INFO)) return { error: "encrypted" as const };
  if (kind === "zip") return { format: "xlsx" as const, grid: await readXlsx(bytes) };
  if (kind === "ole") return { format: "xls" as const, grid: readXls(bytes) };
  if (kind === "text" && ["csv", "txt", "tsv", ""].includes(ext)) {
    return { format: "csv" as const, grid: readDelimited(decodeText(bytes).text) };
  }
  return {
    error: kind === "text" || ["xlsx", "xls", "csv"].includes(ext) ? ("broken" as const) : ("unsupported" as const),
  };
}

function finish(format: ImportFormat, grid: Parameters<typeof readRows>[0]): ParsedSource | FileError {
  const { rows, headerLine } = readRows(grid);
  if (rows.length === 0) {
    return fileError("NO_ROWS", "В файле нет строк с артикулом и количеством (колонки 1 и 2).");
  }
  if (rows.length > IMPORT_LIMITS.maxRows) {
    return fileError(
      "TOO_MANY_ROWS",
      `В файле ${rows.length} строк, за один раз можно загрузить не больше ${IMPORT_LIMITS.maxRows}: разделите файл.`,
    );
  }
  return { format, rows, headerLine };
}

/**
 * Reads an .xlsx, .xls, .csv/.txt file or pasted text into data rows; a file that cannot be
 * read at all is a FileError naming why (empty, too large, password-protected, broken).
 * The format is recognised by the content, the name only decides between text and unknown.
 */
export async function parseSource(source: ImportSource): Promise<ParsedSource | FileError> {
  if ("paste" in source) {
    if (source.paste.trim() === "") return fileError("FILE_EMPTY", "Вставленный текст пуст.");
    if (Buffer.byteLength(source.paste) > IMPORT_LIMITS.maxBytes) return tooLarge();
    return finish("paste", readDelimited(source.paste));
  }
  const { filename, contentBase64 } = source.file;
  if (contentBase64.length > Math.ceil((IMPORT_LIMITS.maxBytes * 4) / 3) + 4) return tooLarge();
  const bytes = Buffer.from(contentBase64, "base64");
  if (bytes.length === 0) return fileError("FILE_EMPTY", `Файл «${filename}» пуст.`);
  let read: Awaited<ReturnType<typeof gridOf>>;
  try {
    read = await gridOf(filename, bytes);
  } catch (e) {
    read = { error: /password|encrypt/i.test(String(e)) ? "encrypted" : "broken" };
  }
  if ("error" in read) {
    if (read.error === "encrypted") {
      return fileError(
        "FILE_ENCRYPTED",
        `Файл «${filename}» защищён паролем: снимите пароль в Excel и загрузите снова.`,
      );
    }
    if (read.error === "unsupported") {
      return fileError("UNSUPPORTED_FORMAT", `Файл «${filename}» — не таблица: загрузите .xlsx, .xls или .csv.`);
    }
    return fileError("FILE_BROKEN", `Файл «${filename}» повреждён или не является таблицей Excel/CSV.`);
  }
  return finish(read.format, read.grid);
}

const tooLarge = () =>
  fileError(
    "FILE_TOO_LARGE",
    `Файл больше ${IMPORT_LIMITS.maxBytes / 1024 / 1024} МБ: оставьте колонки артикула и количества или разделите файл.`,
  );

// The shape of a compiled values-schema validator (ajv's, or the one the build
// generates), on its own so the generated stand-in and the compiler share it without
// importing each other.
export interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

export type SchemaValidate = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

/** An inclusive span of ISO dates (`YYYY-MM-DD`), compared as strings. */
export interface Period {
  /** As written in the 期间 cell. */
  readonly text: string;
  readonly start: string;
  readonly end: string;
}

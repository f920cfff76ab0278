/** One line of the layering table. */
export interface LayerLine {
  /** Project folders, or single entry files, this folder may import. */
  imports: string[];
  /** Whether Node's built-ins are allowed. */
  node?: boolean;
  /** Packages allowed (a scope as `@scope/*`). */
  packages?: string[];
  /** Why the line is drawn here: the refusal's explanation. */
  why: string;
}

export declare const layers: Record<string, LayerLine>;

/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Optional tile URL template for the maps; unset means no basemap. */
  readonly VITE_TILE_URL?: string;
  readonly VITE_TILE_ATTRIBUTION?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

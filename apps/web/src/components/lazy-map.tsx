// Leaflet (≈45 kB gzip with its CSS) loads only on pages that show a map, not with the list.
import { lazy, Suspense, type ComponentProps, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChunkBoundary } from './chunk-boundary';

const LocationMapChunk = lazy(() =>
  import('./property-map').then((module) => ({ default: module.LocationMap })),
);
const LocationPickerChunk = lazy(() =>
  import('./property-map').then((module) => ({ default: module.LocationPicker })),
);

function MapSlot({ kind, children }: { kind: 'detail' | 'picker'; children: ReactNode }) {
  const { t } = useTranslation();
  const placeholder = (text?: string) => (
    <div className={`map map--${kind}`}>
      <div className="map__canvas map__canvas--placeholder">{text}</div>
    </div>
  );
  return (
    <ChunkBoundary what="The map" fallback={placeholder(t('property.map.unavailable'))}>
      <Suspense fallback={placeholder()}>{children}</Suspense>
    </ChunkBoundary>
  );
}

export function LocationMap(props: ComponentProps<typeof LocationMapChunk>) {
  return (
    <MapSlot kind="detail">
      <LocationMapChunk {...props} />
    </MapSlot>
  );
}

export function LocationPicker(props: ComponentProps<typeof LocationPickerChunk>) {
  return (
    <MapSlot kind="picker">
      <LocationPickerChunk {...props} />
    </MapSlot>
  );
}

// Leaflet (≈45 kB gzip with its CSS) loads only on pages that show a map, not with the list.
import { Component, lazy, Suspense, type ComponentProps, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const LocationMapChunk = lazy(() =>
  import('./property-map').then((module) => ({ default: module.LocationMap })),
);
const LocationPickerChunk = lazy(() =>
  import('./property-map').then((module) => ({ default: module.LocationPicker })),
);

/** Keeps the page usable when the map's code cannot be loaded (offline, a new deployment). */
class MapBoundary extends Component<{ fallback: ReactNode; children: ReactNode }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('The map could not be loaded', error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function MapSlot({ kind, children }: { kind: 'detail' | 'picker'; children: ReactNode }) {
  const { t } = useTranslation();
  const placeholder = (text?: string) => (
    <div className={`map map--${kind}`}>
      <div className="map__canvas map__canvas--placeholder">{text}</div>
    </div>
  );
  return (
    <MapBoundary fallback={placeholder(t('property.map.unavailable'))}>
      <Suspense fallback={placeholder()}>{children}</Suspense>
    </MapBoundary>
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

// The maps of the register: a read-only one on the property page and a small picker in the
// form. A basemap is drawn only when one is configured (src/config.ts); otherwise the point
// sits on a plain background and nothing is fetched from anywhere.
import 'leaflet/dist/leaflet.css';
import type { LatLngExpression, PathOptions } from 'leaflet';
import { useEffect, useMemo } from 'react';
import {
  CircleMarker,
  MapContainer,
  ScaleControl,
  TileLayer,
  useMap,
  useMapEvents,
} from 'react-leaflet';
import { mapConfig } from '../config';

const markerStyle: PathOptions = {
  color: '#1d3557',
  weight: 3,
  fillColor: '#d62828',
  fillOpacity: 0.9,
};

const detailZoom = 17;

function Basemap() {
  const { tileUrl, tileAttribution } = useMemo(mapConfig, []);
  if (!tileUrl) return null;
  return <TileLayer url={tileUrl} attribution={tileAttribution} maxZoom={19} />;
}

interface LocationMapProps {
  /** `[lon, lat]` as in GeoJSON. */
  coordinates: [number, number];
  label: string;
  testId?: string;
}

/** One property's location: a circle marker on the basemap (if any). */
export function LocationMap({ coordinates, label, testId }: LocationMapProps) {
  const config = useMemo(mapConfig, []);
  const center: LatLngExpression = [coordinates[1], coordinates[0]];
  return (
    <div className="map map--detail" role="group" aria-label={label} data-testid={testId}>
      <MapContainer
        center={center}
        zoom={detailZoom}
        minZoom={3}
        maxZoom={19}
        fadeAnimation={false}
        scrollWheelZoom={false}
        attributionControl={Boolean(config.tileUrl)}
        className="map__canvas"
      >
        <Basemap />
        <Follow center={center} />
        <CircleMarker center={center} radius={10} pathOptions={markerStyle} />
        <ScaleControl imperial={false} />
      </MapContainer>
    </div>
  );
}

/** Keeps the view on the point when it changes (another record, a reload). */
function Follow({ center, zoom }: { center: LatLngExpression; zoom?: number }) {
  const map = useMap();
  const [lat, lon] = center as [number, number];
  useEffect(() => {
    if (!map.getBounds().pad(-0.2).contains([lat, lon])) {
      map.setView([lat, lon], zoom ?? Math.max(map.getZoom(), 15));
    }
  }, [map, lat, lon, zoom]);
  return null;
}

function ClickToPick({ onPick }: { onPick: (lon: number, lat: number) => void }) {
  useMapEvents({
    click(event) {
      const { lat, lng } = event.latlng.wrap();
      onPick(round(lng), round(lat));
    },
  });
  return null;
}

/** Six decimals: about ten centimetres, more than any address needs. */
const round = (value: number): number => Math.round(value * 1e6) / 1e6;

interface LocationPickerProps {
  /** `[lon, lat]`, or undefined while nothing (valid) is entered. */
  value: [number, number] | undefined;
  onPick: (lon: number, lat: number) => void;
  label: string;
  describedBy?: string;
}

/** A small map: a click sets the location; the marker follows the number inputs. */
export function LocationPicker({ value, onPick, label, describedBy }: LocationPickerProps) {
  const config = useMemo(mapConfig, []);
  const center: LatLngExpression = value ? [value[1], value[0]] : config.center;
  return (
    <div
      className="map map--picker"
      role="group"
      aria-label={label}
      aria-describedby={describedBy}
      data-testid="location-picker"
    >
      <MapContainer
        center={center}
        zoom={value ? detailZoom : config.zoom}
        minZoom={3}
        maxZoom={19}
        fadeAnimation={false}
        scrollWheelZoom={false}
        attributionControl={Boolean(config.tileUrl)}
        className="map__canvas map__canvas--pick"
      >
        <Basemap />
        <ClickToPick onPick={onPick} />
        {value && <Follow center={center} />}
        {value && <CircleMarker center={center} radius={9} pathOptions={markerStyle} />}
        <ScaleControl imperial={false} />
      </MapContainer>
    </div>
  );
}

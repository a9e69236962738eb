// Fetches the day's work ahead (online): the route, each inspection with the open defects to
// check, each property's card (address, units, current landlords, history, newest photos) and
// the defect catalogue. The overcrowding rule sets come with the app's code
// (`@hausakte/inspections/rules`), so they are cached with the shell.
import { api, ApiError, photoPreviewUrl, type Photo } from '../api';
import { today } from '../time';
import { storeDay, type PropertyCard } from './field-db';

const photosPerProperty = 4;

export async function prefetchDay(userId: string, date = today()): Promise<void> {
  const [route, catalogue] = await Promise.all([api.dayRoute(date), api.catalogue()]);
  const inspections = await Promise.all(route.stops.map((stop) => api.inspection(stop.id)));
  const propertyIds = [...new Set(inspections.map((inspection) => inspection.propertyId))];
  const cards = await Promise.all(
    propertyIds.map(async (id): Promise<PropertyCard> => {
      const [property, ownerships, timeline] = await Promise.all([
        api.property(id),
        api.propertyOwnerships(id),
        api.propertyTimeline(id),
      ]);
      const openDefects = inspections
        .filter((inspection) => inspection.propertyId === id)
        .flatMap((inspection) => inspection.openDefects);
      return {
        id,
        property,
        ownerships: ownerships.items.filter((ownership) => ownership.current),
        timeline: timeline.items.slice(0, 20),
        photos: await newestPhotos(openDefects.map((defect) => defect.id)),
      };
    }),
  );
  await storeDay(
    { date, userId, route, fetchedAt: new Date().toISOString() },
    inspections,
    cards,
    catalogue.items,
  );
}

async function newestPhotos(defectIds: string[]): Promise<PropertyCard['photos']> {
  const lists = await Promise.all(defectIds.slice(0, 10).map((id) => api.defectPhotos(id)));
  const newest: Photo[] = lists
    .flatMap((list) => list.items)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, photosPerProperty);
  const photos = await Promise.all(
    newest.map(async (photo) => {
      const response = await fetch(photoPreviewUrl(photo.id), { credentials: 'same-origin' });
      if (!response.ok) throw new ApiError(response.status, undefined, undefined);
      return { id: photo.id, defectId: photo.defectId, blob: await response.blob() };
    }),
  );
  return photos;
}

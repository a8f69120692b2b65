/**
 * The station directory's filter: by street, by service and by free text. The directory's
 * custom element calls it for each card; an empty criterion matches everything.
 */

export interface FilterCriteria {
  /** Street id, or '' for all. */
  street: string;
  /** One of the five services, or '' for all. */
  service: string;
  /** Free text, matched against the card's searchable text. */
  text: string;
}

export interface FilterableStation {
  street: string;
  services: readonly string[];
  /** Name, buildings and address, as one string. */
  text: string;
}

/** Lower-cased, without spaces, so "领秀 大厦" finds 领秀大厦. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

/** Whether a station passes all given criteria. */
export function matchesFilter(station: FilterableStation, { street, service, text }: FilterCriteria): boolean {
  if (street && station.street !== street) return false;
  if (service && !station.services.includes(service)) return false;
  const q = normalise(text);
  return q === '' || normalise(station.text).includes(q);
}

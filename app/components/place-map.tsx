import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type * as Leaflet from "leaflet";

/**
 * The optional maps of a safety survey. Leaflet is imported after the page has mounted, so it is a
 * chunk of its own that only the browser loads (it touches `window` when imported); the server
 * renders nothing of the map, and a page without scripts is the typed form alone. Without a tile
 * URL the map has no background but works: the named places are drawn, and a click sets a point.
 */

/** The tile server from the configuration (MAP_TILE_URL, MAP_TILE_ATTRIBUTION), or none. */
export interface MapSettings {
  tileUrl: string | null;
  attribution: string | null;
}

export interface MapPlace {
  name: string;
  lat: number;
  lng: number;
}

export interface LatLng {
  lat: number;
  lng: number;
}

type MapLocale = "sv" | "en";

const TEXTS = {
  sv: {
    offer: "Du kan också välja platsen på en karta.",
    label: "Karta för att välja plats (valfritt)",
    chosen: "Vald punkt: {point}",
    remove: "Ta bort punkten",
    noTiles: "Ingen bakgrundskarta är inställd: kartan visar bara de namngivna platserna.",
    resultsLabel: "Karta över de otrygga platserna i tabellen",
    zoomIn: "Zooma in",
    zoomOut: "Zooma ut",
  },
  en: {
    offer: "You can also choose the place on a map.",
    label: "Map to choose a place (optional)",
    chosen: "Chosen point: {point}",
    remove: "Remove the point",
    noTiles: "No background map is configured: the map only shows the named places.",
    resultsLabel: "Map of the unsafe places in the table",
    zoomIn: "Zoom in",
    zoomOut: "Zoom out",
  },
} satisfies Record<MapLocale, Record<string, string>>;

const MAP_STYLE = { height: "18rem", background: "#e8ecef" } as const;

/** "62,391 N, 17,307 E" (Swedish decimal comma) or "62.391 N, 17.307 E". */
export function formatPoint(point: LatLng, locale: MapLocale): string {
  const part = (value: number, positive: string, negative: string) =>
    `${Math.abs(value).toLocaleString(locale === "sv" ? "sv-SE" : "en-GB", {
      minimumFractionDigits: 3,
      maximumFractionDigits: 3,
    })} ${value < 0 ? negative : positive}`;
  return `${part(point.lat, "N", "S")}, ${part(point.lng, "E", "W")}`;
}

const subscribeNever = () => () => {};
/** False on the server and while hydrating, true once the page runs in the browser. */
const useMounted = () =>
  useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );

async function loadLeaflet(): Promise<typeof Leaflet> {
  const [leaflet] = await Promise.all([import("leaflet"), import("leaflet/dist/leaflet.css")]);
  return (leaflet as unknown as { default?: typeof Leaflet }).default ?? leaflet;
}

/** A Leaflet map in the element, fitted to the points; the tiles only if configured. */
function createMap(
  L: typeof Leaflet,
  element: HTMLElement,
  settings: MapSettings,
  locale: MapLocale,
  fit: LatLng[],
) {
  const map = L.map(element, {
    attributionControl: false,
    zoomControl: false,
    // Leaflet's own keyboard support: the map takes focus, arrows pan, + and − zoom.
    keyboard: true,
  });
  L.control.zoom({ zoomInTitle: TEXTS[locale].zoomIn, zoomOutTitle: TEXTS[locale].zoomOut }).addTo(map);
  if (settings.tileUrl) {
    L.control.attribution({ prefix: false }).addTo(map);
    L.tileLayer(settings.tileUrl, { attribution: settings.attribution ?? undefined, maxZoom: 19 }).addTo(map);
  }
  const bounds = L.latLngBounds(fit.map((p) => [p.lat, p.lng] as [number, number]));
  if (fit.length > 1) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
  else map.setView(bounds.getCenter(), 15);
  return map;
}

const round = (value: number) => Math.round(value * 1e5) / 1e5;

/**
 * In a place entry: the hidden `lat`/`lng` fields, always, and — once the page runs in the
 * browser — a map whose click sets them, with the point in text and a button to remove it.
 */
export function PlaceMap({
  settings,
  places,
  latName,
  lngName,
  initial,
  locale,
}: {
  settings: MapSettings;
  places: MapPlace[];
  latName: string;
  lngName: string;
  initial: LatLng | null;
  locale: MapLocale;
}) {
  const t = TEXTS[locale];
  const mounted = useMounted();
  const [point, setPoint] = useState<LatLng | null>(initial);
  const element = useRef<HTMLDivElement>(null);
  const leaflet = useRef<{ L: typeof Leaflet; map: Leaflet.Map } | null>(null);
  const marker = useRef<Leaflet.CircleMarker | null>(null);
  const [ready, setReady] = useState(false);

  // The map is made once per content, not once per render of the page around it.
  const spec = JSON.stringify({ settings, places, locale });
  useEffect(() => {
    if (!mounted) return;
    const { settings, places, locale } = JSON.parse(spec) as {
      settings: MapSettings;
      places: MapPlace[];
      locale: MapLocale;
    };
    let cancelled = false;
    void loadLeaflet().then((L) => {
      if (cancelled || !element.current) return;
      const map = createMap(L, element.current, settings, locale, places);
      for (const place of places)
        L.circleMarker([place.lat, place.lng], { radius: 6, color: "#1e2b3c", weight: 2, fillOpacity: 0.3 })
          .bindTooltip(place.name)
          .addTo(map);
      map.on("click", (event: Leaflet.LeafletMouseEvent) =>
        setPoint({ lat: round(event.latlng.lat), lng: round(event.latlng.lng) }),
      );
      leaflet.current = { L, map };
      setReady(true);
    });
    return () => {
      cancelled = true;
      leaflet.current?.map.remove();
      leaflet.current = null;
      marker.current = null;
    };
  }, [mounted, spec]);

  useEffect(() => {
    const current = leaflet.current;
    if (!ready || !current) return;
    marker.current?.remove();
    marker.current = point
      ? current.L.circleMarker([point.lat, point.lng], {
          radius: 9,
          color: "#b3261e",
          weight: 3,
          fillOpacity: 0.6,
        }).addTo(current.map)
      : null;
  }, [ready, point]);

  return (
    <>
      <input type="hidden" name={latName} value={point ? String(point.lat) : ""} />
      <input type="hidden" name={lngName} value={point ? String(point.lng) : ""} />
      {mounted ? (
        <div className="stack place-map">
          <p className="ds-paragraph">{t.offer}</p>
          <div ref={element} role="group" aria-label={t.label} style={MAP_STYLE} />
          {settings.tileUrl ? null : <p className="field-description">{t.noTiles}</p>}
          <p className="ds-paragraph" aria-live="polite">
            {point ? t.chosen.replace("{point}", formatPoint(point, locale)) : null}
          </p>
          {point ? (
            <div>
              <button
                type="button"
                className="ds-button"
                data-variant="secondary"
                onClick={() => setPoint(null)}
              >
                {t.remove}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

export interface MapCircle extends LatLng {
  label: string;
  mentions: number;
}

/** The results' unsafe places as circles sized by mentions, beside the table that ranks them. */
export function ResultsMap({
  settings,
  circles,
  locale,
}: {
  settings: MapSettings;
  circles: MapCircle[];
  locale: MapLocale;
}) {
  const t = TEXTS[locale];
  const mounted = useMounted();
  const element = useRef<HTMLDivElement>(null);

  const spec = JSON.stringify({ settings, circles, locale });
  useEffect(() => {
    const { settings, circles, locale } = JSON.parse(spec) as {
      settings: MapSettings;
      circles: MapCircle[];
      locale: MapLocale;
    };
    if (!mounted || circles.length === 0) return;
    let cancelled = false;
    let map: Leaflet.Map | null = null;
    void loadLeaflet().then((L) => {
      if (cancelled || !element.current) return;
      map = createMap(L, element.current, settings, locale, circles);
      const most = Math.max(...circles.map((c) => c.mentions));
      for (const circle of circles)
        L.circleMarker([circle.lat, circle.lng], {
          radius: 6 + 18 * Math.sqrt(circle.mentions / most),
          color: "#b3261e",
          weight: 2,
          fillOpacity: 0.35,
        })
          .bindTooltip(`${circle.label}: ${circle.mentions}`)
          .addTo(map);
    });
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [mounted, spec]);

  if (!mounted || circles.length === 0) return null;
  return (
    <div className="stack place-map">
      <div ref={element} role="group" aria-label={t.resultsLabel} style={MAP_STYLE} />
      {settings.tileUrl ? null : <p className="field-description">{t.noTiles}</p>}
    </div>
  );
}

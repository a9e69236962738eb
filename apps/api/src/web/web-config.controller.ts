import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@hausakte/auth';
import { APP_CONFIG, AppConfig } from '@hausakte/platform';

/**
 * The web app's runtime settings, as a script its index.html loads before the app: the same
 * build serves every city, with the basemap and map centre of this deployment.
 */
@ApiExcludeController()
@Controller()
@Public()
export class WebConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('app-config.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'no-cache')
  script(): string {
    const { minLon, minLat, maxLon, maxLat } = this.config.CITY_BOUNDS;
    const settings = {
      tileUrl: this.config.MAP_TILE_URL,
      tileAttribution: this.config.MAP_TILE_ATTRIBUTION,
      mapCenter: [(minLon + maxLon) / 2, (minLat + maxLat) / 2],
    };
    // JSON.stringify escapes quotes; "<" is escaped too so the text can never close a script tag.
    return `window.__HAUSAKTE_CONFIG__ = ${JSON.stringify(settings).replace(/</g, '\\u003c')};\n`;
  }
}

/*
 * Waarborg's settings for all of Camunda's webapps (ADR 0047); each app's scripts/config.js imports them.
 * Camunda 7.24 ships English and German only, no Dutch: English is shown to everyone (a Dutch browser falls back
 * to it). Dates are numeric and day first, as on Waarborg's own pages. The webapps show times in the browser's own
 * zone and have no setting for another; in the Netherlands that zone is Europe/Amsterdam.
 */
export default {
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  dateFormat: {
    abbr: 'DD-MM-YYYY HH:mm',
    normal: 'DD-MM-YYYY HH:mm',
    long: 'dddd DD-MM-YYYY HH:mm',
    short: 'DD-MM-YYYY'
  }
};

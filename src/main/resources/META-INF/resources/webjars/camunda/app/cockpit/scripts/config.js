// Followthrough's Cockpit (Camunda 7.24's cockpit webapp). This file replaces the webapp's own
// app/cockpit/scripts/config.js (the keys: Camunda's docs, "Cockpit" > "Configuration"); the logo and
// the hidden end-of-life banner are in styles/user-styles.css.
export default {
  // the header and the page title say "Followthrough Cockpit"
  app: {
    vendor: 'Followthrough',
    name: 'Cockpit'
  },
  // no "Welcome to Camunda" box at the first login, pointing to Camunda's own welcome page
  disableWelcomeMessage: true,
  // the Followthrough dashboard (README "Metrics"): app/cockpit/scripts/followthrough-dashboard.js,
  // an ES module exporting Cockpit plugins
  customScripts: ['scripts/followthrough-dashboard.js']
};

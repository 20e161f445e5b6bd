// Followthrough's Welcome (Camunda 7.24's welcome webapp). This file replaces the webapp's own
// app/welcome/scripts/config.js (the keys: Camunda's docs, "Welcome" > "Configuration"); the logo and
// the hidden end-of-life banner are in styles/user-styles.css.
export default {
  // the header and the page title say "Followthrough Welcome"
  app: {
    vendor: 'Followthrough',
    name: 'Welcome'
  },
  // no "Welcome to Camunda" box at the first login, pointing to Camunda's own welcome page
  disableWelcomeMessage: true
};

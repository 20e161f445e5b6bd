// Followthrough's Admin (Camunda 7.24's admin webapp). This file replaces the webapp's own
// app/admin/scripts/config.js (the keys: Camunda's docs, "Admin" > "Configuration"); the logo and
// the hidden end-of-life banner are in styles/user-styles.css.
export default {
  // the header and the page title say "Followthrough Admin"
  app: {
    vendor: 'Followthrough',
    name: 'Admin'
  },
  // no "Welcome to Camunda" box at the first login, pointing to Camunda's own welcome page
  disableWelcomeMessage: true
};

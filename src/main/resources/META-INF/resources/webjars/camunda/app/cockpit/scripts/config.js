// Followthrough's Cockpit configuration. The lead merges this with the branded config.js of the
// other webapps; the Followthrough dashboard (README "Metrics") needs only its custom script.
export default {
  // loaded by Cockpit as app/cockpit/scripts/followthrough-dashboard.js (an ES module exporting plugins)
  customScripts: ['scripts/followthrough-dashboard.js']
};

// Followthrough's Tasklist (Camunda 7.24's tasklist webapp). This file replaces the webapp's own
// app/tasklist/scripts/config.js (the keys: Camunda's docs, "Tasklist" > "Configuration"); the logo
// and the hidden end-of-life banner are in styles/user-styles.css.
export default {
  // the header and the page title say "Followthrough Tasklist"
  app: {
    vendor: 'Followthrough',
    name: 'Tasklist'
  },
  // no "Welcome to Camunda" box at the first login, pointing to Camunda's own welcome page
  disableWelcomeMessage: true,
  // Camunda's keyboard shortcuts, as its own config.js sets them (this file replaces that one)
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};

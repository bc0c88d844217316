// Decap CMS in the Dutch of the rest of the site: "je", not "u". Loaded before decap-cms.js; Decap starts once
// its Dutch texts carry these corrections (CMS_MANUAL_INIT keeps it from starting on its own).
window.CMS_MANUAL_INIT = true;

const KENNISCENTRUM_NL = {
  auth: {
    errors: {
      email: "Vul je e-mailadres in.",
      password: "Vul je wachtwoord in.",
      identitySettings:
        "Netlify Identity-instellingen niet gevonden. Gebruik je git-gateway als backend, activeer dan de " +
        "Identity-service en Git Gateway in je Netlify-instellingen.",
    },
  },
  editor: {
    editor: {
      onUpdatingWithUnsavedChanges: "Er zijn nog niet-opgeslagen wijzigingen. Bewaar ze voor je de status wijzigt.",
      onPublishingNotReady: 'Zet de status op "Klaar" voor je publiceert.',
      onPublishingWithUnsavedChanges: "Er zijn nog niet-opgeslagen wijzigingen. Bewaar ze voor je publiceert.",
      onPublishing: "Weet je zeker dat je dit item wilt publiceren?",
      onUnpublishing: "Weet je zeker dat je de publicatie van dit item wilt terugtrekken?",
      onDeleteWithUnsavedChanges:
        "Weet je zeker dat je dit gepubliceerde item en je niet-opgeslagen wijzigingen uit deze sessie wilt " +
        "verwijderen?",
      onDeletePublishedEntry: "Weet je zeker dat je dit gepubliceerde item wilt verwijderen?",
      onDeleteUnpublishedChangesWithUnsavedChanges:
        "Alle niet-gepubliceerde wijzigingen in dit item worden verwijderd, net als je niet-opgeslagen " +
        "wijzigingen uit deze sessie. Wil je toch verwijderen?",
      onDeleteUnpublishedChanges:
        "Alle niet-gepubliceerde wijzigingen in dit item worden verwijderd. Wil je toch verwijderen?",
      confirmLoadBackup: "Voor dit item is een lokale reservekopie gevonden. Wil je die gebruiken?",
    },
  },
  mediaLibrary: {
    mediaLibrary: {
      onDelete: "Weet je zeker dat je de gekozen media wilt verwijderen?",
    },
  },
  ui: {
    errorBoundary: {
      reportIt: "meld het alsjeblieft.",
      privacyWarning:
        "Als je een probleem meldt, staan het foutbericht en gegevens om de fout op te sporen er al in.\n" +
        "Controleer of de informatie klopt en verwijder gevoelige gegevens.",
      recoveredEntry: { warning: "Kopieer en plak dit ergens voor je weggaat!" },
    },
    toast: {
      onLoggedOut: "Je bent uitgelogd. Maak een kopie van je gegevens en log daarna opnieuw in.",
    },
  },
  workflow: {
    workflowList: {
      onDeleteEntry: "Weet je zeker dat je dit item wilt verwijderen?",
      onPublishEntry: "Weet je zeker dat je dit item wilt publiceren?",
      onPublishingNotReadyEntry:
        'Alleen items met de status "Klaar" kunnen gepubliceerd worden. Sleep de kaart naar de kolom "Klaar" ' +
        "om te publiceren.",
    },
  },
};

function kenniscentrumMerge(base, corrections) {
  const merged = { ...base };
  for (const [key, value] of Object.entries(corrections)) {
    merged[key] = typeof value === "object" ? kenniscentrumMerge(base[key] || {}, value) : value;
  }
  return merged;
}

document.addEventListener("DOMContentLoaded", () => {
  window.CMS.registerLocale("nl", kenniscentrumMerge(window.CMS.getLocale("nl"), KENNISCENTRUM_NL));
  window.CMS.init();
});

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
  <context>
    <name>Tandem</name>
    <message>
      <source>Tandem plans (*.tandem)</source>
      <translation>Tandem-Pläne (*.tandem)</translation>
    </message>
    <message>
      <source>Open plan</source>
      <translation>Plan öffnen</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>Änderungen</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>unbekannt</translation>
    </message>
    <message>
      <source>… and {count} more changes.</source>
      <translation>… und {count} weitere Änderungen.</translation>
    </message>
    <message>
      <source>No changes.</source>
      <translation>Keine Änderungen.</translation>
    </message>
    <message>
      <source>{name}, {when}</source>
      <translation>{name}, {when}</translation>
    </message>
    <message>
      <source>Check in on a goal</source>
      <translation>Check-in zu einem Ziel</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>Fortschritt</translation>
    </message>
    <message>
      <source>Confidence, 1 to 10</source>
      <translation>Zuversicht, 1 bis 10</translation>
    </message>
    <message>
      <source>What changed since the last check-in (optional)</source>
      <translation>Was sich seit dem letzten Check-in geändert hat (optional)</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Notiz</translation>
    </message>
    <message>
      <source>Day of the check-in</source>
      <translation>Tag des Check-ins</translation>
    </message>
    <message>
      <source>&amp;Progress</source>
      <translation>&amp;Fortschritt</translation>
    </message>
    <message>
      <source>&amp;Confidence</source>
      <translation>&amp;Zuversicht</translation>
    </message>
    <message>
      <source>&amp;Note</source>
      <translation>&amp;Notiz</translation>
    </message>
    <message>
      <source>&amp;Day</source>
      <translation>&amp;Tag</translation>
    </message>
    <message>
      <source>Leads or contacts</source>
      <translation>Leads oder Kontakte</translation>
    </message>
    <message>
      <source>Deals or opportunities</source>
      <translation>Deals oder Verkaufschancen</translation>
    </message>
    <message>
      <source>The file holds</source>
      <translation>Die Datei enthält</translation>
    </message>
    <message>
      <source>Times without a zone are in</source>
      <translation>Zeiten ohne Zeitzone gelten in</translation>
    </message>
    <message>
      <source>Which column is which</source>
      <translation>Welche Spalte was ist</translation>
    </message>
    <message>
      <source>The first rows as they will be read</source>
      <translation>Die ersten Zeilen, wie sie gelesen werden</translation>
    </message>
    <message>
      <source>Lines that cannot be read</source>
      <translation>Zeilen, die nicht gelesen werden können</translation>
    </message>
    <message>
      <source>Take in</source>
      <translation>Übernehmen</translation>
    </message>
    <message>
      <source>Take in a CRM export</source>
      <translation>CRM-Export übernehmen</translation>
    </message>
    <message>
      <source>Which column is which (* needed):</source>
      <translation>Welche Spalte was ist (* nötig):</translation>
    </message>
    <message>
      <source>The first rows, as they will be read:</source>
      <translation>Die ersten Zeilen, wie sie gelesen werden:</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(keine)</translation>
    </message>
    <message>
      <source>(not taken in)</source>
      <translation>(nicht übernommen)</translation>
    </message>
    <message>
      <source>Read as: your own columns (the plan keeps them for the next export like it)</source>
      <translation>Gelesen als: Ihre eigenen Spalten (der Plan behält sie für den nächsten Export dieser Art)</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>Zeile</translation>
    </message>
    <message>
      <source>Id</source>
      <translation>ID</translation>
    </message>
    <message>
      <source>Qualified</source>
      <translation>Qualifiziert</translation>
    </message>
    <message>
      <source>Followed up</source>
      <translation>Nachgefasst</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Verantwortlich</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Quelle</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Region</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>Phase</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Betrag</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>Angelegt</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>Abgeschlossen</translation>
    </message>
    <message>
      <source>Cannot take in the export</source>
      <translation>Export kann nicht übernommen werden</translation>
    </message>
    <message>
      <source>Take in {file}</source>
      <translation>{file} übernehmen</translation>
    </message>
    <message>
      <source>open</source>
      <translation>offen</translation>
    </message>
    <message>
      <source>won</source>
      <translation>gewonnen</translation>
    </message>
    <message>
      <source>lost</source>
      <translation>verloren</translation>
    </message>
    <message>
      <source>{read} of the first {lines} rows can be read; the whole file is read when you press Take in, and any other line that cannot be read is named then. Nothing is sent anywhere.</source>
      <translation>{read} der ersten {lines} Zeilen sind lesbar; die ganze Datei wird gelesen, wenn Sie „Übernehmen“ drücken, und jede weitere unlesbare Zeile wird dann genannt. Nichts wird irgendwohin gesendet.</translation>
    </message>
    <message>
      <source>Choose the column for {field}: every row needs it.</source>
      <translation>Wählen Sie die Spalte für {field}: Jede Zeile braucht sie.</translation>
    </message>
    <message>
      <source>“{zone}” is not a time zone (say, for example, Europe/Berlin or UTC).</source>
      <translation>„{zone}“ ist keine Zeitzone (zum Beispiel Europe/Berlin oder UTC).</translation>
    </message>
    <message>
      <source>The stage “{stage}” is</source>
      <translation>Die Phase „{stage}“ ist</translation>
    </message>
    <message>
      <source>Read as: {what}, with the columns you chose</source>
      <translation>Gelesen als: {what}, mit den Spalten, die Sie gewählt haben</translation>
    </message>
    <message>
      <source>Read as: {what}</source>
      <translation>Gelesen als: {what}</translation>
    </message>
    <message>
      <source>(column {n}, no name)</source>
      <translation>(Spalte {n}, ohne Namen)</translation>
    </message>
    <message>
      <source>Import actuals</source>
      <translation>Istwerte importieren</translation>
    </message>
    <message>
      <source>CSV files (*.csv *.txt)</source>
      <translation>CSV-Dateien (*.csv *.txt)</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Importieren</translation>
    </message>
    <message>
      <source>Nothing to import</source>
      <translation>Nichts zu importieren</translation>
    </message>
    <message>
      <source>Metric names are in</source>
      <translation>Kennzahlnamen stehen in</translation>
    </message>
    <message>
      <source>Periods are in</source>
      <translation>Zeiträume stehen in</translation>
    </message>
    <message>
      <source>Actuals are in</source>
      <translation>Istwerte stehen in</translation>
    </message>
    <message>
      <source>Notes are in</source>
      <translation>Notizen stehen in</translation>
    </message>
    <message>
      <source>Cannot read file</source>
      <translation>Datei kann nicht gelesen werden</translation>
    </message>
    <message>
      <source>Import actuals from {file}</source>
      <translation>Istwerte aus {file} importieren</translation>
    </message>
    <message>
      <source>(no notes)</source>
      <translation>(keine Notizen)</translation>
    </message>
    <message>
      <source>{ok} rows ready to import; {bad} rows with problems (listed below, not imported). Nothing is imported until you press Import.</source>
      <translation>{ok} Zeilen sind bereit zum Import; {bad} Zeilen haben Probleme (unten aufgeführt, werden nicht importiert). Es wird erst importiert, wenn Sie auf „Importieren“ klicken.</translation>
    </message>
    <message>
      <source>{file} has no rows under its header.</source>
      <translation>{file} enthält unter der Kopfzeile keine Zeilen.</translation>
    </message>
    <message>
      <source>Import {count} actuals</source>
      <translation>{count} Istwerte importieren</translation>
    </message>
    <message>
      <source>{rows} rows; the first {shown}:</source>
      <translation>{rows} Zeilen; die ersten {shown}:</translation>
    </message>
    <message>
      <source>{file} could not be read: {reason}.</source>
      <translation>{file} konnte nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
      <source>column {number}</source>
      <translation>Spalte {number}</translation>
    </message>
    <message>
      <source>Save PDF</source>
      <translation>PDF speichern</translation>
    </message>
    <message>
      <source>As the plan's status says</source>
      <translation>Nach Status des Plans</translation>
    </message>
    <message>
      <source>“Draft” watermark</source>
      <translation>Wasserzeichen „Entwurf“</translation>
    </message>
    <message>
      <source>“Agreed” stamp with both sign-offs</source>
      <translation>Stempel „Vereinbart“ mit beiden Abzeichnungen</translation>
    </message>
    <message>
      <source>No mark</source>
      <translation>Keine Kennzeichnung</translation>
    </message>
    <message>
      <source>Export PDF</source>
      <translation>PDF exportieren</translation>
    </message>
    <message>
      <source>Include ride debrief notes</source>
      <translation>Nachbesprechungen der Begleitungen einschließen</translation>
    </message>
    <message>
      <source>Include reviews</source>
      <translation>Reviews einschließen</translation>
    </message>
    <message>
      <source>Appendix of changes since a version</source>
      <translation>Anhang mit Änderungen seit einer Version</translation>
    </message>
    <message>
      <source>No appendix</source>
      <translation>Kein Anhang</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>Papierformat</translation>
    </message>
    <message>
      <source>Sections</source>
      <translation>Abschnitte</translation>
    </message>
    <message>
      <source>Mark</source>
      <translation>Kennzeichnung</translation>
    </message>
    <message>
      <source>Appendix</source>
      <translation>Anhang</translation>
    </message>
    <message>
      <source>Pages</source>
      <translation>Seiten</translation>
    </message>
    <message>
      <source>The chosen page</source>
      <translation>Die gewählte Seite</translation>
    </message>
    <message>
      <source>Zoom</source>
      <translation>Zoom</translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>Anhalten</translation>
    </message>
    <message>
      <source>Stop laying out the pages</source>
      <translation>Den Seitenumbruch anhalten</translation>
    </message>
    <message>
      <source>Save PDF…</source>
      <translation>PDF speichern…</translation>
    </message>
    <message>
      <source>Laying out pages…</source>
      <translation>Seiten werden aufgebaut…</translation>
    </message>
    <message>
      <source>Export failed</source>
      <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
      <source>Stopped: change an option to lay the pages out again</source>
      <translation>Angehalten: Ändern Sie eine Option, um die Seiten neu umzubrechen</translation>
    </message>
    <message>
      <source>{count} pages ready</source>
      <translation>{count} Seiten fertig</translation>
    </message>
    <message>
      <source>Changes since “{name}”</source>
      <translation>Änderungen seit „{name}“</translation>
    </message>
    <message>
      <source>Laying out page {number}…</source>
      <translation>Seite {number} wird aufgebaut…</translation>
    </message>
    <message>
      <source>{count} pages, {size} KB.</source>
      <translation>{count} Seiten, {size} KB.</translation>
    </message>
    <message>
      <source>{file} could not be written: {reason}</source>
      <translation>{file} konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
      <source>Goals</source>
      <translation>Ziele</translation>
    </message>
    <message>
      <source>Messaging</source>
      <translation>Botschaften</translation>
    </message>
    <message>
      <source>Workshop</source>
      <translation>Workshop</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Tastenkombinationen</translation>
    </message>
    <message>
      <source>Sign off the selected goals for sales / marketing (again: withdraw)</source>
      <translation>Ausgewählte Ziele für Vertrieb / Marketing abzeichnen (erneut: zurückziehen)</translation>
    </message>
    <message>
      <source>Set the status: proposed, active, done, dropped</source>
      <translation>Status setzen: vorgeschlagen, aktiv, erledigt, verworfen</translation>
    </message>
    <message>
      <source>Move the selected goals up / down</source>
      <translation>Ausgewählte Ziele nach oben / unten verschieben</translation>
    </message>
    <message>
      <source>Search / show everything again</source>
      <translation>Suchen / wieder alles anzeigen</translation>
    </message>
    <message>
      <source>Approve the selected messages for sales / marketing (again: withdraw)</source>
      <translation>Ausgewählte Botschaften für Vertrieb / Marketing genehmigen (erneut: zurückziehen)</translation>
    </message>
    <message>
      <source>Tables</source>
      <translation>Tabellen</translation>
    </message>
    <message>
      <source>Enter or F2</source>
      <translation>Enter oder F2</translation>
    </message>
    <message>
      <source>Edit the current cell</source>
      <translation>Aktuelle Zelle bearbeiten</translation>
    </message>
    <message>
      <source>Space</source>
      <translation>Leertaste</translation>
    </message>
    <message>
      <source>Tick or untick a check box</source>
      <translation>Kontrollkästchen aktivieren oder deaktivieren</translation>
    </message>
    <message>
      <source>Window</source>
      <translation>Fenster</translation>
    </message>
    <message>
      <source>Show a section</source>
      <translation>Abschnitt anzeigen</translation>
    </message>
    <message>
      <source>← →, Alt+← Alt+→</source>
      <translation>← →, Alt+← Alt+→</translation>
    </message>
    <message>
      <source>Pick the previous / next ride; move the picked one a day</source>
      <translation>Vorherigen / nächsten Besuch wählen; den gewählten um einen Tag verschieben</translation>
    </message>
    <message>
      <source>Text fields</source>
      <translation>Textfelder</translation>
    </message>
    <message>
      <source>Next / previous field (Ctrl+Tab types a tab)</source>
      <translation>Nächstes / vorheriges Feld (Strg+Tab schreibt einen Tabulator)</translation>
    </message>
    <message>
      <source>→ ← Page Down/Up Space</source>
      <translation>→ ← Bild ab/auf Leertaste</translation>
    </message>
    <message>
      <source>Next / previous slide</source>
      <translation>Nächste / vorherige Folie</translation>
    </message>
    <message>
      <source>number, Enter</source>
      <translation>Nummer, Enter</translation>
    </message>
    <message>
      <source>Go to that slide</source>
      <translation>Zu dieser Folie springen</translation>
    </message>
    <message>
      <source>Sign off or approve for sales / marketing; on proposals: add one; on the parking lot: make the topic a goal</source>
      <translation>Für Vertrieb / Marketing abzeichnen oder genehmigen; bei Vorschlägen: Vorschlag hinzufügen; im Themenspeicher: Thema zum Ziel machen</translation>
    </message>
    <message>
      <source>Reword the goal or the picked message</source>
      <translation>Ziel oder gewählte Botschaft umformulieren</translation>
    </message>
    <message>
      <source>Pick the next ride, message or topic</source>
      <translation>Nächste Begleitung, Botschaft oder nächstes Thema wählen</translation>
    </message>
    <message>
      <source>Move the picked ride a day earlier / later</source>
      <translation>Gewählte Begleitung einen Tag früher / später legen</translation>
    </message>
    <message>
      <source>Write a review / park a topic / close the picked topic</source>
      <translation>Review schreiben / Thema parken / gewähltes Thema schließen</translation>
    </message>
    <message>
      <source>On a goal: check in (progress, confidence, a note)</source>
      <translation>Bei einem Ziel: Check-in (Fortschritt, Zuversicht, eine Notiz)</translation>
    </message>
    <message>
      <source>Restart the agenda clock</source>
      <translation>Agenda-Uhr neu starten</translation>
    </message>
    <message>
      <source>Open the room to phones and laptops (address, QR code, code), or close it</source>
      <translation>Den Raum für Handys und Laptops öffnen (Adresse, QR-Code, Code) oder schließen</translation>
    </message>
    <message>
      <source>In the room: start or stop a vote / pick a card / take it into the plan</source>
      <translation>Im Raum: Abstimmung starten oder beenden / Karte wählen / in den Plan übernehmen</translation>
    </message>
    <message>
      <source>In the room: record its confidence as the goal's check-in / switch the retrospective's format</source>
      <translation>Im Raum: seine Zuversicht als Check-in des Ziels festhalten / Format der Retrospektive wechseln</translation>
    </message>
    <message>
      <source>Workshop editor</source>
      <translation>Workshop-Editor</translation>
    </message>
    <message>
      <source>Save / cancel</source>
      <translation>Speichern / abbrechen</translation>
    </message>
    <message>
      <source>Leave workshop mode</source>
      <translation>Workshopmodus beenden</translation>
    </message>
    <message>
      <source>Qt and PySide6</source>
      <translation>Qt und PySide6</translation>
    </message>
    <message>
      <source>Public domain</source>
      <translation>Gemeinfrei</translation>
    </message>
    <message>
      <source>pypdfium2 and PDFium</source>
      <translation>pypdfium2 und PDFium</translation>
    </message>
    <message>
      <source>DejaVu fonts</source>
      <translation>DejaVu-Schriften</translation>
    </message>
    <message>
      <source>Bitstream Vera / DejaVu licence (free)</source>
      <translation>Bitstream-Vera-/DejaVu-Lizenz (frei)</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Was</translation>
    </message>
    <message>
      <source>Licence</source>
      <translation>Lizenz</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>Zeitleiste</translation>
    </message>
    <message>
      <source>{app} guide</source>
      <translation>{app}-Handbuch</translation>
    </message>
    <message>
      <source>About {app}</source>
      <translation>Über {app}</translation>
    </message>
    <message>
      <source>Field rides</source>
      <translation>Außendienstbegleitung</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Tasten</translation>
    </message>
    <message>
      <source>Software</source>
      <translation>Software</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>Wo</translation>
    </message>
    <message>
      <source>Made with</source>
      <translation>Erstellt mit</translation>
    </message>
    <message>
      <source>or</source>
      <translation>oder</translation>
    </message>
    <message>
      <source>One plan for sales and marketing: shared goals, field rides, one funnel, one message, and reviews without blame.</source>
      <translation>Ein Plan für Vertrieb und Marketing: gemeinsame Ziele, Außendienstbegleitungen, ein Funnel, eine Botschaft und Reviews ohne Schuldzuweisung.</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Wann</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Wer</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>Everyone</source>
      <translation>Alle</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>Abschnitt</translation>
    </message>
    <message>
      <source>Every section</source>
      <translation>Alle Abschnitte</translation>
    </message>
    <message>
      <source>What the change did</source>
      <translation>Was die Änderung bewirkte</translation>
    </message>
    <message>
      <source>Added</source>
      <translation>Hinzugefügt</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>Geändert</translation>
    </message>
    <message>
      <source>Removed</source>
      <translation>Entfernt</translation>
    </message>
    <message>
      <source>{name} (guest)</source>
      <translation>{name} (Gast)</translation>
    </message>
    <message>
      <source>{shown} of {total} changes</source>
      <translation>{shown} von {total} Änderungen</translation>
    </message>
    <message>
      <source>History of {what}</source>
      <translation>Verlauf von {what}</translation>
    </message>
    <message>
      <source>History of {plan}</source>
      <translation>Verlauf von {plan}</translation>
    </message>
    <message>
      <source>Nothing a reader sees changed (bookkeeping only).</source>
      <translation>Nichts Sichtbares hat sich geändert (nur Verwaltungsangaben).</translation>
    </message>
    <message>
      <source>No changes match.</source>
      <translation>Keine Änderung passt.</translation>
    </message>
    <message>
      <source>by {name}</source>
      <translation>von {name}</translation>
    </message>
    <message>
      <source>the work of {names}</source>
      <translation>die Arbeit von {names}</translation>
    </message>
    <message>
      <source>… and {count} more rows.</source>
      <translation>… und {count} weitere Zeilen.</translation>
    </message>
    <message>
      <source>Mine</source>
      <translation>Meine</translation>
    </message>
    <message>
      <source>Theirs</source>
      <translation>Andere</translation>
    </message>
    <message>
      <source>Ancestor</source>
      <translation>Basis</translation>
    </message>
    <message>
      <source>Take</source>
      <translation>Übernehmen</translation>
    </message>
    <message>
      <source>Your value</source>
      <translation>Ihr Wert</translation>
    </message>
    <message>
      <source>kept, changed</source>
      <translation>behalten, geändert</translation>
    </message>
    <message>
      <source>kept, still used</source>
      <translation>behalten, noch verwendet</translation>
    </message>
    <message>
      <source>Conflicts</source>
      <translation>Konflikte</translation>
    </message>
    <message>
      <source>Take &amp;mine for all</source>
      <translation>Überall &amp;meine übernehmen</translation>
    </message>
    <message>
      <source>Take &amp;theirs for all</source>
      <translation>Überall &amp;andere übernehmen</translation>
    </message>
    <message>
      <source>&amp;Merge</source>
      <translation>&amp;Zusammenführen</translation>
    </message>
    <message>
      <source>the row</source>
      <translation>die ganze Zeile</translation>
    </message>
    <message>
      <source>Merge changes from {name}</source>
      <translation>Änderungen aus {name} zusammenführen</translation>
    </message>
    <message>
      <source>{count} change(s) made only in {name} go in as they are. {conflicts} need your choice: both copies changed them differently, or one removed what the other changed or uses. The whole merge is one step you can undo.</source>
      <translation>{count} Änderung(en), die nur in {name} vorgenommen wurden, werden unverändert übernommen. Bei {conflicts} Konflikt(en) ist Ihre Entscheidung nötig: Beide Kopien haben unterschiedlich geändert, oder eine Kopie hat entfernt, was die andere geändert hat oder verwendet. Das gesamte Zusammenführen ist ein einziger Schritt, den Sie rückgängig machen können.</translation>
    </message>
    <message>
      <source>removed</source>
      <translation>entfernt</translation>
    </message>
    <message>
      <source>there</source>
      <translation>vorhanden</translation>
    </message>
    <message>
      <source>Take for {where}, {what}</source>
      <translation>Übernehmen für {where}, {what}</translation>
    </message>
    <message>
      <source>Write another</source>
      <translation>Anderen Wert eingeben</translation>
    </message>
    <message>
      <source>Your value for {where}, {what}</source>
      <translation>Ihr Wert für {where}, {what}</translation>
    </message>
    <message>
      <source>Start the next period</source>
      <translation>Den nächsten Zeitraum beginnen</translation>
    </message>
    <message>
      <source>First day of the new period</source>
      <translation>Erster Tag des neuen Zeitraums</translation>
    </message>
    <message>
      <source> months</source>
      <translation> Monate</translation>
    </message>
    <message>
      <source>Months the new period runs</source>
      <translation>Monate, die der neue Zeitraum dauert</translation>
    </message>
    <message>
      <source>Goals not done</source>
      <translation>Nicht erledigte Ziele</translation>
    </message>
    <message>
      <source>Metrics (new baselines)</source>
      <translation>Kennzahlen (neue Ausgangswerte)</translation>
    </message>
    <message>
      <source>People</source>
      <translation>Personen</translation>
    </message>
    <message>
      <source>Funnel</source>
      <translation>Funnel</translation>
    </message>
    <message>
      <source>Approved messages</source>
      <translation>Freigegebene Botschaften</translation>
    </message>
    <message>
      <source>Open review actions</source>
      <translation>Offene Maßnahmen aus Reviews</translation>
    </message>
    <message>
      <source>Parking-lot topics</source>
      <translation>Themen im Themenspeicher</translation>
    </message>
    <message>
      <source>What the new plan will hold</source>
      <translation>Was der neue Plan enthalten wird</translation>
    </message>
    <message>
      <source>&amp;Starts on</source>
      <translation>&amp;Beginnt am</translation>
    </message>
    <message>
      <source>&amp;Runs for</source>
      <translation>&amp;Dauert</translation>
    </message>
    <message>
      <source>Start the next period…</source>
      <translation>Nächsten Zeitraum beginnen…</translation>
    </message>
    <message>
      <source>A new plan file for the following period. Goals come without sign-offs: a new period is a new agreement. This plan keeps a final version named after its period.</source>
      <translation>Eine neue Plandatei für den folgenden Zeitraum. Ziele kommen ohne Freigaben mit: Ein neuer Zeitraum ist eine neue Vereinbarung. Dieser Plan behält eine letzte Version, benannt nach seinem Zeitraum.</translation>
    </message>
    <message>
      <source>Carry into the new plan:</source>
      <translation>In den neuen Plan übernehmen:</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>Serveradresse</translation>
    </message>
    <message>
      <source>&amp;Address:</source>
      <translation>&amp;Adresse:</translation>
    </message>
    <message>
      <source>from ~/.pgpass or the keyring if left empty</source>
      <translation>leer lassen: aus ~/.pgpass oder dem Schlüsselbund</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Passwort</translation>
    </message>
    <message>
      <source>&amp;Password:</source>
      <translation>&amp;Passwort:</translation>
    </message>
    <message>
      <source>New plan from a template</source>
      <translation>Neuer Plan aus einer Vorlage</translation>
    </message>
    <message>
      <source>Templates</source>
      <translation>Vorlagen</translation>
    </message>
    <message>
      <source>Title of the new plan</source>
      <translation>Titel des neuen Plans</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>Unternehmen</translation>
    </message>
    <message>
      <source>First day of the plan (it runs twelve months)</source>
      <translation>Erster Tag des Plans (er läuft zwölf Monate)</translation>
    </message>
    <message>
      <source>&amp;Title</source>
      <translation>&amp;Titel</translation>
    </message>
    <message>
      <source>&amp;Company</source>
      <translation>&amp;Unternehmen</translation>
    </message>
    <message>
      <source>Create plan…</source>
      <translation>Plan anlegen…</translation>
    </message>
    <message>
      <source>Save as template</source>
      <translation>Als Vorlage speichern</translation>
    </message>
    <message>
      <source>Template name</source>
      <translation>Name der Vorlage</translation>
    </message>
    <message>
      <source>What the template is for</source>
      <translation>Wofür die Vorlage ist</translation>
    </message>
    <message>
      <source>Who the template is for, and how it sells</source>
      <translation>Für wen die Vorlage ist und wie dort verkauft wird</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>&amp;Name</translation>
    </message>
    <message>
      <source>&amp;About</source>
      <translation>&amp;Worum es geht</translation>
    </message>
    <message>
      <source>The funnel, the metric definitions (no actuals or baselines), the goals as ideas (no owners, dates or sign-offs) and the plan's settings. No people, rides, messages or reviews.</source>
      <translation>Der Trichter, die Definitionen der Kennzahlen (ohne Ist- und Ausgangswerte), die Ziele als Ideen (ohne Verantwortliche, Termine oder Freigaben) und die Einstellungen des Plans. Keine Personen, Mitfahrten, Botschaften oder Reviews.</translation>
    </message>
    <message>
      <source>{description}

{stages} funnel stages with their handoffs, {metrics} metric definitions, {goals} goal ideas.</source>
      <translation>{description}

{stages} Trichterstufen mit ihren Übergaben, {metrics} Kennzahl-Definitionen, {goals} Zielideen.</translation>
    </message>
    <message>
      <source>{name} (yours)</source>
      <translation>{name} (Ihre)</translation>
    </message>
    <message>
      <source>Save version</source>
      <translation>Version speichern</translation>
    </message>
    <message>
      <source>Version name</source>
      <translation>Versionsname</translation>
    </message>
    <message>
      <source>What this version is for (optional)</source>
      <translation>Wofür diese Version gedacht ist (optional)</translation>
    </message>
    <message>
      <source>Saved by</source>
      <translation>Gespeichert von</translation>
    </message>
    <message>
      <source>N&amp;ote</source>
      <translation>N&amp;otiz</translation>
    </message>
    <message>
      <source>Saved &amp;by</source>
      <translation>Gespeichert &amp;von</translation>
    </message>
    <message>
      <source>Versions</source>
      <translation>Versionen</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Schließen</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Saved</source>
      <translation>Gespeichert</translation>
    </message>
    <message>
      <source>By</source>
      <translation>Von</translation>
    </message>
    <message>
      <source>&amp;Open</source>
      <translation>&amp;Öffnen</translation>
    </message>
    <message>
      <source>&amp;Compare with now</source>
      <translation>Mit &amp;aktuellem Stand vergleichen</translation>
    </message>
    <message>
      <source>&amp;Restore this version</source>
      <translation>Version &amp;wiederherstellen</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Löschen</translation>
    </message>
    <message>
      <source>&amp;Compare the two</source>
      <translation>&amp;Beide vergleichen</translation>
    </message>
    <message>
      <source>Saved by Tandem</source>
      <translation>Von Tandem gespeichert</translation>
    </message>
    <message>
      <source>What customers asked</source>
      <translation>Was Kunden gefragt haben</translation>
    </message>
    <message>
      <source>What marketing will change</source>
      <translation>Was das Marketing ändern wird</translation>
    </message>
    <message>
      <source>What sales will change</source>
      <translation>Was der Vertrieb ändern wird</translation>
    </message>
    <message>
      <source>Other notes</source>
      <translation>Weitere Notizen</translation>
    </message>
    <message>
      <source>Hot buttons heard on this ride</source>
      <translation>Kundenthemen aus dieser Begleitung</translation>
    </message>
    <message>
      <source>New hot button</source>
      <translation>Neues Kundenthema</translation>
    </message>
    <message>
      <source>Send to messaging</source>
      <translation>An Botschaften übergeben</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Entfernen</translation>
    </message>
    <message>
      <source>Hot buttons heard</source>
      <translation>Gehörte Kundenthemen</translation>
    </message>
    <message>
      <source>A customer problem, in their words; Enter adds it</source>
      <translation>Ein Kundenproblem in den Worten des Kunden; Enter fügt es hinzu</translation>
    </message>
    <message>
      <source>Debrief: select a ride</source>
      <translation>Nachbesprechung: Begleitung auswählen</translation>
    </message>
    <message>
      <source>Select a hot button to send to messaging.</source>
      <translation>Wählen Sie ein Kundenthema aus, um es an die Botschaften zu übergeben.</translation>
    </message>
    <message>
      <source>Debrief: {visitor} with {host}, {first} – {last}</source>
      <translation>Nachbesprechung: {visitor} bei {host}, {first} – {last}</translation>
    </message>
    <message>
      <source>approved message</source>
      <translation>genehmigte Botschaft</translation>
    </message>
    <message>
      <source>draft message ({state})</source>
      <translation>Botschaftsentwurf ({state})</translation>
    </message>
    <message>
      <source>The handoff, measured from the CRM, in full</source>
      <translation>Die Übergabe, aus dem CRM gemessen, vollständig</translation>
    </message>
    <message>
      <source>Move stage up</source>
      <translation>Phase nach oben</translation>
    </message>
    <message>
      <source>Move stage down</source>
      <translation>Phase nach unten</translation>
    </message>
    <message>
      <source>Take in a CRM export…</source>
      <translation>CRM-Export übernehmen…</translation>
    </message>
    <message>
      <source>Leads or deals from Salesforce, HubSpot or any CSV or XLSX, kept in the plan: the handoff is measured from them</source>
      <translation>Leads oder Deals aus Salesforce, HubSpot oder jeder CSV- oder XLSX-Datei, im Plan gehalten: daraus wird die Übergabe gemessen</translation>
    </message>
    <message>
      <source>The handoff, measured from the CRM</source>
      <translation>Die Übergabe, aus dem CRM gemessen</translation>
    </message>
    <message>
      <source>Funnel views</source>
      <translation>Ansichten des Trichters</translation>
    </message>
    <message>
      <source>Work back from revenue</source>
      <translation>Rückrechnung vom Umsatz</translation>
    </message>
    <message>
      <source>Handoff measured</source>
      <translation>Übergabe gemessen</translation>
    </message>
    <message>
      <source>not set</source>
      <translation>nicht festgelegt</translation>
    </message>
    <message>
      <source>Revenue target</source>
      <translation>Umsatzziel</translation>
    </message>
    <message>
      <source>Average deal size</source>
      <translation>Durchschnittliche Auftragsgröße</translation>
    </message>
    <message>
      <source>Leads needed at each stage</source>
      <translation>Benötigte Leads je Phase</translation>
    </message>
    <message>
      <source>Apply as metric targets</source>
      <translation>Als Zielwerte der Kennzahlen übernehmen</translation>
    </message>
    <message>
      <source>Revenue target for the plan</source>
      <translation>Umsatzziel des Plans</translation>
    </message>
    <message>
      <source>No CRM data yet: take in a lead or deal export and the handoff is measured here by month, owner and source, with leads sent back, stage to stage, and revenue.</source>
      <translation>Noch keine CRM-Daten: Übernehmen Sie einen Lead- oder Deal-Export, dann wird die Übergabe hier gemessen, nach Monat, Verantwortlichem und Quelle, mit zurückgegebenen Leads, Stufe für Stufe und Umsatz.</translation>
    </message>
    <message>
      <source>Measuring the handoff from the CRM data…</source>
      <translation>Die Übergabe wird aus den CRM-Daten gemessen…</translation>
    </message>
    <message>
      <source>No CRM leads yet: take in a lead export (Salesforce, HubSpot or any CSV) and the handoff promise is measured here, month by month.</source>
      <translation>Noch keine CRM-Leads: Übernehmen Sie einen Lead-Export (Salesforce, HubSpot oder eine CSV-Datei), dann wird das Übergabeversprechen hier Monat für Monat gemessen.</translation>
    </message>
    <message>
      <source>Needed a month</source>
      <translation>Bedarf pro Monat</translation>
    </message>
    <message>
      <source>Reach next</source>
      <translation>Konversionsrate</translation>
    </message>
    <message>
      <source>No metric counts a funnel stage; link a metric to a stage first.</source>
      <translation>Keine Kennzahl zählt eine Funnel-Phase; verknüpfen Sie zuerst eine Kennzahl mit einer Phase.</translation>
    </message>
    <message>
      <source>{promise} (from the sentence)</source>
      <translation>{promise} (aus dem Satz)</translation>
    </message>
    <message>
      <source>Measure the handoff by its sentence</source>
      <translation>Die Übergabe an ihrem Satz messen</translation>
    </message>
    <message>
      <source>“{text}” is not a promise Tandem can measure; say, for example, 1 working day, 4 working hours or 24 hours.</source>
      <translation>„{text}“ ist kein Versprechen, das Tandem messen kann; sagen Sie zum Beispiel 1 working day, 4 working hours oder 24 hours.</translation>
    </message>
    <message>
      <source>Over {months} months: {won} won deals a month reach {revenue}.</source>
      <translation>Über {months} Monate: {won} gewonnene Aufträge pro Monat ergeben {revenue}.</translation>
    </message>
    <message>
      <source>Why this goal matters to both teams</source>
      <translation>Warum dieses Ziel für beide Teams wichtig ist</translation>
    </message>
    <message>
      <source>What both teams get when we hit it</source>
      <translation>Was beide Teams bekommen, wenn wir es erreichen</translation>
    </message>
    <message>
      <source>Signed wording: the description is locked.</source>
      <translation>Abgezeichneter Wortlaut: Die Beschreibung ist gesperrt.</translation>
    </message>
    <message>
      <source>Reword…</source>
      <translation>Umformulieren…</translation>
    </message>
    <message>
      <source>Withdraws both sign-offs so the wording can change</source>
      <translation>Zieht beide Abzeichnungen zurück, damit der Wortlaut geändert werden kann</translation>
    </message>
    <message>
      <source>Check in…</source>
      <translation>Check-in…</translation>
    </message>
    <message>
      <source>Record how far the goal is and how sure you are (C)</source>
      <translation>Festhalten, wie weit das Ziel ist und wie sicher Sie sind (C)</translation>
    </message>
    <message>
      <source>Sign-off</source>
      <translation>Abzeichnung</translation>
    </message>
    <message>
      <source>Check-ins</source>
      <translation>Check-ins</translation>
    </message>
    <message>
      <source>Choose a goal to see it in full.</source>
      <translation>Wählen Sie ein Ziel aus, um es vollständig anzuzeigen.</translation>
    </message>
    <message>
      <source>Withdraw sales sign-off</source>
      <translation>Abzeichnung des Vertriebs zurückziehen</translation>
    </message>
    <message>
      <source>Sign for sales</source>
      <translation>Für Vertrieb abzeichnen</translation>
    </message>
    <message>
      <source>Withdraw marketing sign-off</source>
      <translation>Abzeichnung des Marketings zurückziehen</translation>
    </message>
    <message>
      <source>Sign for marketing</source>
      <translation>Für Marketing abzeichnen</translation>
    </message>
    <message>
      <source>a guest</source>
      <translation>ein Gast</translation>
    </message>
    <message>
      <source>Not checked in yet.</source>
      <translation>Noch kein Check-in.</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Beschreibung</translation>
    </message>
    <message>
      <source>Shared reward</source>
      <translation>Gemeinsame Belohnung</translation>
    </message>
    <message>
      <source>Proposed by {team} on {day}</source>
      <translation>Vorgeschlagen von {team} am {day}</translation>
    </message>
    <message>
      <source>Measured by: {metrics}</source>
      <translation>Gemessen an: {metrics}</translation>
    </message>
    <message>
      <source>no metric linked yet</source>
      <translation>noch keine Kennzahl verknüpft</translation>
    </message>
    <message>
      <source>Latest: {summary}, by {who}</source>
      <translation>Zuletzt: {summary}, von {who}</translation>
    </message>
    <message>
      <source>Sales: {signed}</source>
      <translation>Vertrieb: {signed}</translation>
    </message>
    <message>
      <source>Marketing: {signed}</source>
      <translation>Marketing: {signed}</translation>
    </message>
    <message>
      <source>Confidence fell from {before} to {after}.</source>
      <translation>Die Zuversicht fiel von {before} auf {after}.</translation>
    </message>
    <message>
      <source>Search goals (Ctrl+F)</source>
      <translation>Ziele suchen (Strg+F)</translation>
    </message>
    <message>
      <source>Search goals</source>
      <translation>Ziele suchen</translation>
    </message>
    <message>
      <source>Any status</source>
      <translation>Alle Status</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Proposed by anyone</source>
      <translation>Vorgeschlagen von: alle</translation>
    </message>
    <message>
      <source>Proposed</source>
      <translation>Vorgeschlagen</translation>
    </message>
    <message>
      <source>Any owner</source>
      <translation>Alle Verantwortlichen</translation>
    </message>
    <message>
      <source>Agreed or not</source>
      <translation>Vereinbart oder nicht</translation>
    </message>
    <message>
      <source>Waiting for my side</source>
      <translation>Wartet auf meine Seite</translation>
    </message>
    <message>
      <source>My side</source>
      <translation>Meine Seite</translation>
    </message>
    <message>
      <source>The goal in full</source>
      <translation>Das Ziel im Ganzen</translation>
    </message>
    <message>
      <source>Sign the selected goals for sales; if all are signed, withdraw the sign-off</source>
      <translation>Ausgewählte Ziele für den Vertrieb abzeichnen; sind alle bereits abgezeichnet, die Abzeichnung zurückziehen</translation>
    </message>
    <message>
      <source>&amp;Goal</source>
      <translation>&amp;Ziel</translation>
    </message>
    <message>
      <source>goal</source>
      <translation>Ziel</translation>
    </message>
    <message>
      <source>&amp;Find goals</source>
      <translation>Ziele &amp;suchen</translation>
    </message>
    <message>
      <source>Show &amp;all goals</source>
      <translation>&amp;Alle Ziele anzeigen</translation>
    </message>
    <message>
      <source>Sign off for &amp;sales</source>
      <translation>Für &amp;Vertrieb abzeichnen</translation>
    </message>
    <message>
      <source>Sign off for &amp;marketing</source>
      <translation>Für &amp;Marketing abzeichnen</translation>
    </message>
    <message>
      <source>&amp;Reword (withdraw sign-offs)…</source>
      <translation>&amp;Umformulieren (Abzeichnungen zurückziehen)…</translation>
    </message>
    <message>
      <source>&amp;Check in…</source>
      <translation>&amp;Check-in…</translation>
    </message>
    <message>
      <source>Move &amp;up</source>
      <translation>Nach &amp;oben verschieben</translation>
    </message>
    <message>
      <source>Move &amp;down</source>
      <translation>Nach u&amp;nten verschieben</translation>
    </message>
    <message>
      <source>The list is sorted: clear the sort to move goals by hand.</source>
      <translation>Die Liste ist sortiert: Heben Sie die Sortierung auf, um Ziele von Hand zu verschieben.</translation>
    </message>
    <message>
      <source>Agreed</source>
      <translation>Vereinbart</translation>
    </message>
    <message>
      <source>Not yet agreed</source>
      <translation>Noch nicht vereinbart</translation>
    </message>
    <message>
      <source>Sales</source>
      <translation>Vertrieb</translation>
    </message>
    <message>
      <source>Marketing</source>
      <translation>Marketing</translation>
    </message>
    <message>
      <source>{count} goals</source>
      <translation>{count} Ziele</translation>
    </message>
    <message>
      <source>Nothing was recorded.</source>
      <translation>Nichts wurde festgehalten.</translation>
    </message>
    <message>
      <source>{shown} of {total} goals</source>
      <translation>{shown} von {total} Zielen</translation>
    </message>
    <message>
      <source>{total} goals</source>
      <translation>{total} Ziele</translation>
    </message>
    <message>
      <source>Proposed by {team}</source>
      <translation>Vorgeschlagen von: {team}</translation>
    </message>
    <message>
      <source>Set status: {status}</source>
      <translation>Status setzen: {status}</translation>
    </message>
    <message>
      <source>{name} ({team})</source>
      <translation>{name} ({team})</translation>
    </message>
    <message>
      <source>Signed {noun} for {side} as {name}.</source>
      <translation>{side}: {noun} im Namen von {name} abgezeichnet.</translation>
    </message>
    <message>
      <source>Withdrew the {side} sign-off from {noun}.</source>
      <translation>{side}: Abzeichnung für {noun} zurückgezogen.</translation>
    </message>
    <message>
      <source>customer problem</source>
      <translation>Kundenproblem</translation>
    </message>
    <message>
      <source>value message</source>
      <translation>Nutzenbotschaft</translation>
    </message>
    <message>
      <source>proof point</source>
      <translation>Beleg</translation>
    </message>
    <message>
      <source>Field ride, {day} ({visitor} with {host})</source>
      <translation>Außendienstbegleitung, {day} ({visitor} bei {host})</translation>
    </message>
    <message>
      <source>Review of {day}</source>
      <translation>Review vom {day}</translation>
    </message>
    <message>
      <source>The message's wording</source>
      <translation>Wortlaut der Botschaft</translation>
    </message>
    <message>
      <source>Withdraws both approvals so the wording can change</source>
      <translation>Zieht beide Genehmigungen zurück, damit der Wortlaut geändert werden kann</translation>
    </message>
    <message>
      <source>Search messages (Ctrl+F)</source>
      <translation>Botschaften suchen (Strg+F)</translation>
    </message>
    <message>
      <source>Search messages</source>
      <translation>Botschaften suchen</translation>
    </message>
    <message>
      <source>Approved or not</source>
      <translation>Genehmigt oder nicht</translation>
    </message>
    <message>
      <source>Approval</source>
      <translation>Genehmigung</translation>
    </message>
    <message>
      <source>Any stage</source>
      <translation>Alle Phasen</translation>
    </message>
    <message>
      <source>Any source</source>
      <translation>Alle Quellen</translation>
    </message>
    <message>
      <source>Not placed in the funnel</source>
      <translation>Keiner Funnel-Phase zugeordnet</translation>
    </message>
    <message>
      <source>message</source>
      <translation>Botschaft</translation>
    </message>
    <message>
      <source>Choose a message to see it in full.</source>
      <translation>Wählen Sie eine Botschaft aus, um sie vollständig anzuzeigen.</translation>
    </message>
    <message>
      <source>Withdraw sales approval</source>
      <translation>Genehmigung des Vertriebs zurückziehen</translation>
    </message>
    <message>
      <source>Approve for sales</source>
      <translation>Für Vertrieb genehmigen</translation>
    </message>
    <message>
      <source>Withdraw marketing approval</source>
      <translation>Genehmigung des Marketings zurückziehen</translation>
    </message>
    <message>
      <source>Approve for marketing</source>
      <translation>Für Marketing genehmigen</translation>
    </message>
    <message>
      <source>Source: {source}</source>
      <translation>Quelle: {source}</translation>
    </message>
    <message>
      <source>&amp;Find messages</source>
      <translation>Botschaften &amp;suchen</translation>
    </message>
    <message>
      <source>Show &amp;all messages</source>
      <translation>&amp;Alle Botschaften anzeigen</translation>
    </message>
    <message>
      <source>Approve for &amp;sales</source>
      <translation>Für &amp;Vertrieb genehmigen</translation>
    </message>
    <message>
      <source>Approve for &amp;marketing</source>
      <translation>Für &amp;Marketing genehmigen</translation>
    </message>
    <message>
      <source>&amp;Reword (withdraw approvals)…</source>
      <translation>&amp;Umformulieren (Genehmigungen zurückziehen)…</translation>
    </message>
    <message>
      <source>wording</source>
      <translation>Wortlaut</translation>
    </message>
    <message>
      <source>Value message</source>
      <translation>Nutzenbotschaft</translation>
    </message>
    <message>
      <source>Proof point</source>
      <translation>Beleg</translation>
    </message>
    <message>
      <source>Segment</source>
      <translation>Segment</translation>
    </message>
    <message>
      <source>Approved by both</source>
      <translation>Von beiden genehmigt</translation>
    </message>
    <message>
      <source>Not yet approved</source>
      <translation>Noch nicht genehmigt</translation>
    </message>
    <message>
      <source>From field rides</source>
      <translation>Aus Außendienstbegleitungen</translation>
    </message>
    <message>
      <source>From reviews</source>
      <translation>Aus Reviews</translation>
    </message>
    <message>
      <source>From elsewhere</source>
      <translation>Aus anderen Quellen</translation>
    </message>
    <message>
      <source>{count} messages</source>
      <translation>{count} Botschaften</translation>
    </message>
    <message>
      <source>Sales: {sales}
Marketing: {marketing}</source>
      <translation>Vertrieb: {sales}
Marketing: {marketing}</translation>
    </message>
    <message>
      <source>{shown} of {total} messages; {approved} approved by both</source>
      <translation>{shown} von {total} Botschaften; {approved} von beiden genehmigt</translation>
    </message>
    <message>
      <source>{total} messages; {approved} approved by both</source>
      <translation>{total} Botschaften; {approved} von beiden genehmigt</translation>
    </message>
    <message>
      <source>Heard on {count} field rides as: {words}</source>
      <translation>Bei {count} Außendienstbegleitungen gehört als: {words}</translation>
    </message>
    <message>
      <source>Heard on {count} field ride as: {words}</source>
      <translation>Bei {count} Außendienstbegleitung gehört als: {words}</translation>
    </message>
    <message>
      <source>Approved {noun} for {side} as {name}.</source>
      <translation>{side}: {noun} im Namen von {name} genehmigt.</translation>
    </message>
    <message>
      <source>Withdrew the {side} approval from {noun}.</source>
      <translation>{side}: Genehmigung für {noun} zurückgezogen.</translation>
    </message>
    <message>
      <source>no actuals yet</source>
      <translation>noch keine Istwerte</translation>
    </message>
    <message>
      <source>Actuals by metric and period</source>
      <translation>Istwerte nach Kennzahl und Zeitraum</translation>
    </message>
    <message>
      <source>Import actuals from CSV…</source>
      <translation>Istwerte aus CSV importieren…</translation>
    </message>
    <message>
      <source>Metrics views</source>
      <translation>Kennzahlenansichten</translation>
    </message>
    <message>
      <source>Metrics</source>
      <translation>Kennzahlen</translation>
    </message>
    <message>
      <source>Actuals by period</source>
      <translation>Istwerte nach Zeitraum</translation>
    </message>
    <message>
      <source>{metric}: {baseline} to {target}{unit}, {last}, {status}</source>
      <translation>{metric}: {baseline} bis {target}{unit}, {last}, {status}</translation>
    </message>
    <message>
      <source>last {value} ({n} periods)</source>
      <translation>zuletzt {value} ({n} Perioden)</translation>
    </message>
    <message>
      <source>Computed from the CRM data ({figure}); not typed.</source>
      <translation>Aus den CRM-Daten berechnet ({figure}); nicht eingegeben.</translation>
    </message>
    <message>
      <source>{metric} is computed from the CRM data; its actuals cannot be typed and nothing was pasted.</source>
      <translation>{metric} wird aus den CRM-Daten berechnet; seine Istwerte können nicht eingegeben werden, und nichts wurde eingefügt.</translation>
    </message>
    <message>
      <source>“{text}” for {metric}, {period} is not a number; nothing was pasted.</source>
      <translation>„{text}“ für {metric}, {period} ist keine Zahl; es wurde nichts eingefügt.</translation>
    </message>
    <message>
      <source>Rides</source>
      <translation>Begleitungen</translation>
    </message>
    <message>
      <source>Co-owned goals</source>
      <translation>Gemeinsame Ziele</translation>
    </message>
    <message>
      <source>Approvals</source>
      <translation>Genehmigungen</translation>
    </message>
    <message>
      <source>Review actions</source>
      <translation>Review-Maßnahmen</translation>
    </message>
    <message>
      <source>Joint training</source>
      <translation>Gemeinsame Schulungen</translation>
    </message>
    <message>
      <source>The collaboration network</source>
      <translation>Das Netzwerk der Zusammenarbeit</translation>
    </message>
    <message>
      <source>ringed: a broker between the teams</source>
      <translation>umringt: ein Brückenbauer zwischen den Teams</translation>
    </message>
    <message>
      <source>Quarter</source>
      <translation>Quartal</translation>
    </message>
    <message>
      <source>Brokers</source>
      <translation>Brückenbauer</translation>
    </message>
    <message>
      <source>No tie to the other team</source>
      <translation>Ohne Verbindung zum anderen Team</translation>
    </message>
    <message>
      <source>Plan the suggested ride</source>
      <translation>Vorgeschlagene Begleitung einplanen</translation>
    </message>
    <message>
      <source>Write survey forms…</source>
      <translation>Umfrageformulare schreiben…</translation>
    </message>
    <message>
      <source>Take in survey answers…</source>
      <translation>Umfrageantworten übernehmen…</translation>
    </message>
    <message>
      <source>New survey…</source>
      <translation>Neue Umfrage…</translation>
    </message>
    <message>
      <source>Show who named whom (the heads' choice)</source>
      <translation>Zeigen, wer wen genannt hat (Wahl der Leitungen)</translation>
    </message>
    <message>
      <source>Every quarter</source>
      <translation>Alle Quartale</translation>
    </message>
    <message>
      <source>New survey</source>
      <translation>Neue Umfrage</translation>
    </message>
    <message>
      <source>Its questions, one a line: whom on the other team people go to.</source>
      <translation>Ihre Fragen, eine pro Zeile: an wen im anderen Team man sich wendet.</translation>
    </message>
    <message>
      <source>Write survey forms into</source>
      <translation>Umfrageformulare schreiben nach</translation>
    </message>
    <message>
      <source>Survey answers to take in</source>
      <translation>Zu übernehmende Umfrageantworten</translation>
    </message>
    <message>
      <source>Survey answers (*.json)</source>
      <translation>Umfrageantworten (*.json)</translation>
    </message>
    <message>
      <source>Survey: {answered} of {invited} answered.</source>
      <translation>Umfrage: {answered} von {invited} haben geantwortet.</translation>
    </message>
    <message>
      <source>Brokers between the teams</source>
      <translation>Brückenbauer zwischen den Teams</translation>
    </message>
    <message>
      <source>No tie to the other team, and a ride to suggest</source>
      <translation>Ohne Verbindung zum anderen Team, mit vorgeschlagener Begleitung</translation>
    </message>
    <message>
      <source>Network</source>
      <translation>Netzwerk</translation>
    </message>
    <message>
      <source>{people} people, {pairs} pairs who work together; {isolates} with no tie to the other team.</source>
      <translation>{people} Personen, {pairs} Paare, die zusammenarbeiten; {isolates} ohne Verbindung zum anderen Team.</translation>
    </message>
    <message>
      <source>Nobody stands between the teams: every tie is direct.</source>
      <translation>Niemand steht zwischen den Teams: Jede Verbindung ist direkt.</translation>
    </message>
    <message>
      <source>Choose a person with a suggested ride.</source>
      <translation>Wählen Sie eine Person mit vorgeschlagener Begleitung.</translation>
    </message>
    <message>
      <source>Some answers not taken</source>
      <translation>Einige Antworten nicht übernommen</translation>
    </message>
    <message>
      <source>Brokers by the survey: {names}.</source>
      <translation>Brückenbauer laut Umfrage: {names}.</translation>
    </message>
    <message>
      <source>Across the teams, by quarter: </source>
      <translation>Teamübergreifend, nach Quartal: </translation>
    </message>
    <message>
      <source>Survey forms not written</source>
      <translation>Umfrageformulare nicht geschrieben</translation>
    </message>
    <message>
      <source>Wrote {count} survey forms to {folder}: send each person theirs.</source>
      <translation>{count} Umfrageformulare nach {folder} geschrieben: Schicken Sie jeder Person ihres.</translation>
    </message>
    <message>
      <source>{count} answer files taken in.</source>
      <translation>{count} Antwortdateien übernommen.</translation>
    </message>
    <message>
      <source>{team}{broker}; works with {people}</source>
      <translation>{team}{broker}; arbeitet mit {people}</translation>
    </message>
    <message>
      <source>{team}; no ties yet</source>
      <translation>{team}; noch keine Verbindungen</translation>
    </message>
    <message>
      <source>(no free days in the plan)</source>
      <translation>(keine freien Tage im Planzeitraum)</translation>
    </message>
    <message>
      <source>, a broker between the teams</source>
      <translation>, Brückenbauer zwischen den Teams</translation>
    </message>
    <message>
      <source> and {n} more</source>
      <translation> und {n} weitere</translation>
    </message>
    <message>
      <source>Both teams rise or fall together: warn about anything measured for one team only</source>
      <translation>Beide Teams gewinnen oder verlieren gemeinsam: warnen, wenn etwas nur für ein Team gemessen wird</translation>
    </message>
    <message>
      <source> days</source>
      <translation> Tage</translation>
    </message>
    <message>
      <source>Days between check-ins on a goal</source>
      <translation>Tage zwischen zwei Check-ins eines Ziels</translation>
    </message>
    <message>
      <source>Period starts</source>
      <translation>Beginn des Zeitraums</translation>
    </message>
    <message>
      <source>Period ends</source>
      <translation>Ende des Zeitraums</translation>
    </message>
    <message>
      <source>Currency</source>
      <translation>Währung</translation>
    </message>
    <message>
      <source>Language of the PDF</source>
      <translation>Sprache des PDF</translation>
    </message>
    <message>
      <source>Everyone's</source>
      <translation>Alle</translation>
    </message>
    <message>
      <source>Due in the next two weeks</source>
      <translation>Fällig in den nächsten zwei Wochen</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Maßnahme</translation>
    </message>
    <message>
      <source>Check-in</source>
      <translation>Check-in</translation>
    </message>
    <message>
      <source>Goal due</source>
      <translation>Ziel fällig</translation>
    </message>
    <message>
      <source>Field ride</source>
      <translation>Mitfahrt</translation>
    </message>
    <message>
      <source>Overview</source>
      <translation>Übersicht</translation>
    </message>
    <message>
      <source>to</source>
      <translation>bis</translation>
    </message>
    <message>
      <source>Plan name</source>
      <translation>Planname</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Zeitraum</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>Zweck</translation>
    </message>
    <message>
      <source>Head of sales</source>
      <translation>Leitung Vertrieb</translation>
    </message>
    <message>
      <source>Head of marketing</source>
      <translation>Leitung Marketing</translation>
    </message>
    <message>
      <source>Shared rewards</source>
      <translation>Gemeinsame Belohnungen</translation>
    </message>
    <message>
      <source>Check in on each goal every</source>
      <translation>Check-in zu jedem Ziel alle</translation>
    </message>
    <message>
      <source>(nobody yet)</source>
      <translation>(noch niemand)</translation>
    </message>
    <message>
      <source>nobody yet</source>
      <translation>noch niemand</translation>
    </message>
    <message>
      <source>late: </source>
      <translation>überfällig: </translation>
    </message>
    <message>
      <source>Show it where the plan keeps it</source>
      <translation>Dort zeigen, wo der Plan es führt</translation>
    </message>
    <message>
      <source>Nothing is due in the next two weeks.</source>
      <translation>In den nächsten zwei Wochen ist nichts fällig.</translation>
    </message>
    <message>
      <source>{people} people · {rides} field rides</source>
      <translation>{people} Personen · {rides} Außendienstbegleitungen</translation>
    </message>
    <message>
      <source>What happened</source>
      <translation>Was passiert ist</translation>
    </message>
    <message>
      <source>What we learned</source>
      <translation>Was wir gelernt haben</translation>
    </message>
    <message>
      <source>What we change in the system</source>
      <translation>Was wir am System ändern</translation>
    </message>
    <message>
      <source>The facts, in order: what the system did, not who did it</source>
      <translation>Die Fakten der Reihe nach: was das System getan hat, nicht wer es getan hat</translation>
    </message>
    <message>
      <source>What the facts teach both teams</source>
      <translation>Was die Fakten beiden Teams zeigen</translation>
    </message>
    <message>
      <source>The change to the process, the rule or the tool</source>
      <translation>Die Änderung am Prozess, an der Regel oder am Werkzeug</translation>
    </message>
    <message>
      <source>Funnel stages</source>
      <translation>Funnel-Phasen</translation>
    </message>
    <message>
      <source>No actions yet: “Add action” below adds one.</source>
      <translation>Noch keine Maßnahmen: „Maßnahme hinzufügen“ unten legt eine an.</translation>
    </message>
    <message>
      <source>Keep the wording</source>
      <translation>Wortlaut beibehalten</translation>
    </message>
    <message>
      <source>The names are intended: hide this flag for this review</source>
      <translation>Die Namen sind beabsichtigt: Hinweis für dieses Review ausblenden</translation>
    </message>
    <message>
      <source>Held on</source>
      <translation>Durchgeführt am</translation>
    </message>
    <message>
      <source>What this review is about</source>
      <translation>Worum es in diesem Review geht</translation>
    </message>
    <message>
      <source>Add action</source>
      <translation>Maßnahme hinzufügen</translation>
    </message>
    <message>
      <source>Remove action</source>
      <translation>Maßnahme entfernen</translation>
    </message>
    <message>
      <source>Action items</source>
      <translation>Maßnahmen</translation>
    </message>
    <message>
      <source>Actions and what the review is about</source>
      <translation>Maßnahmen und Bezug des Reviews</translation>
    </message>
    <message>
      <source>Actions</source>
      <translation>Maßnahmen</translation>
    </message>
    <message>
      <source>About</source>
      <translation>Bezug</translation>
    </message>
    <message>
      <source>Parked topics</source>
      <translation>Geparkte Themen</translation>
    </message>
    <message>
      <source>Close topic</source>
      <translation>Thema schließen</translation>
    </message>
    <message>
      <source>Turn into a goal</source>
      <translation>In Ziel umwandeln</translation>
    </message>
    <message>
      <source>Reviews and parking lot</source>
      <translation>Reviews und Themenspeicher</translation>
    </message>
    <message>
      <source>Reviews</source>
      <translation>Reviews</translation>
    </message>
    <message>
      <source>Parking lot</source>
      <translation>Themenspeicher</translation>
    </message>
    <message>
      <source>Who does what by when (in the calendar export)</source>
      <translation>Wer macht was bis wann (im Kalenderexport)</translation>
    </message>
    <message>
      <source>Choose a review, or add one (Ctrl+Shift+N).</source>
      <translation>Wählen Sie ein Review aus oder fügen Sie eines hinzu (Strg+Umschalt+N).</translation>
    </message>
    <message>
      <source>Parked in workshops, to come back to:</source>
      <translation>In Workshops geparkt, zur späteren Klärung:</translation>
    </message>
    <message>
      <source>Nothing is parked. In a workshop, L parks a topic.</source>
      <translation>Nichts geparkt. Im Workshop parkt L ein Thema.</translation>
    </message>
    <message>
      <source>Choose a parked topic first.</source>
      <translation>Wählen Sie zuerst ein geparktes Thema aus.</translation>
    </message>
    <message>
      <source>Review held on {day}</source>
      <translation>Review vom {day}</translation>
    </message>
    <message>
      <source>About ({count})</source>
      <translation>Bezug ({count})</translation>
    </message>
    <message>
      <source>{topic}  (closed)</source>
      <translation>{topic}  (geschlossen)</translation>
    </message>
    <message>
      <source>no target</source>
      <translation>keine Vorgabe</translation>
    </message>
    <message>
      <source>Field rides: schedule, timeline, balance</source>
      <translation>Außendienstbegleitungen: Terminplan, Zeitleiste, Bilanz</translation>
    </message>
    <message>
      <source>Schedule</source>
      <translation>Terminplan</translation>
    </message>
    <message>
      <source>Timeline of field rides</source>
      <translation>Zeitleiste der Außendienstbegleitungen</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Monat</translation>
    </message>
    <message>
      <source>Weekends are not ride days</source>
      <translation>Wochenenden sind keine Begleittage</translation>
    </message>
    <message>
      <source>no limit</source>
      <translation>keine Grenze</translation>
    </message>
    <message>
      <source>Every marketer rides with sales</source>
      <translation>Jede Person im Marketing begleitet den Vertrieb</translation>
    </message>
    <message>
      <source>Every sales rep spends with marketing</source>
      <translation>Jede Person im Vertrieb verbringt beim Marketing</translation>
    </message>
    <message>
      <source>One direction at most</source>
      <translation>Max. Verhältnis der Richtungen</translation>
    </message>
    <message>
      <source>Add non-working day</source>
      <translation>Arbeitsfreien Tag hinzufügen</translation>
    </message>
    <message>
      <source>Non-working days</source>
      <translation>Arbeitsfreie Tage</translation>
    </message>
    <message>
      <source>Ride days per person and period</source>
      <translation>Begleittage je Person und Zeitraum</translation>
    </message>
    <message>
      <source>The plan rides both ways.</source>
      <translation>Der Plan sieht Begleitungen in beide Richtungen vor.</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>Hosted</source>
      <translation>Als Gastgeber</translation>
    </message>
    <message>
      <source>Balance and targets</source>
      <translation>Bilanz und Vorgaben</translation>
    </message>
    <message>
      <source>days per quarter</source>
      <translation>Tage pro Quartal</translation>
    </message>
    <message>
      <source>days per half-year</source>
      <translation>Tage pro Halbjahr</translation>
    </message>
    <message>
      <source>Occasion, e.g. Company offsite</source>
      <translation>Anlass, z. B. Firmenklausur</translation>
    </message>
    <message>
      <source>Days every marketer rides with sales</source>
      <translation>Tage, die jede Person im Marketing den Vertrieb begleitet</translation>
    </message>
    <message>
      <source>Days every sales rep spends with marketing</source>
      <translation>Tage, die jede Person im Vertrieb beim Marketing verbringt</translation>
    </message>
    <message>
      <source>New non-working day</source>
      <translation>Neuer arbeitsfreier Tag</translation>
    </message>
    <message>
      <source>Occasion of the new non-working day</source>
      <translation>Anlass des neuen arbeitsfreien Tags</translation>
    </message>
    <message>
      <source>The ratio between directions is at least 1x.</source>
      <translation>Das Verhältnis zwischen den Richtungen beträgt mindestens 1x.</translation>
    </message>
    <message>
      <source>{marketing} days of marketing with sales, {sales} days of sales with marketing{ratio}. {ways}</source>
      <translation>{marketing} Tage Marketing beim Vertrieb, {sales} Tage Vertrieb beim Marketing{ratio}. {ways}</translation>
    </message>
    <message>
      <source>marketing rides with sales</source>
      <translation>Marketing begleitet Vertrieb</translation>
    </message>
    <message>
      <source>sales with marketing</source>
      <translation>Vertrieb beim Marketing</translation>
    </message>
    <message>
      <source>conflict</source>
      <translation>Konflikt</translation>
    </message>
    <message>
      <source>drag a ride to move it</source>
      <translation>Begleitung zum Verschieben ziehen</translation>
    </message>
    <message>
      <source>The plan does not ride both ways yet.</source>
      <translation>Der Plan sieht noch keine Begleitungen in beide Richtungen vor.</translation>
    </message>
    <message>
      <source>Below the plan's target</source>
      <translation>Unter der Vorgabe des Plans</translation>
    </message>
    <message>
      <source>sales</source>
      <translation>Vertrieb</translation>
    </message>
    <message>
      <source>marketing</source>
      <translation>Marketing</translation>
    </message>
    <message>
      <source>other</source>
      <translation>Sonstige</translation>
    </message>
    <message>
      <source>person</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>people</source>
      <translation>Personen</translation>
    </message>
    <message>
      <source>goals</source>
      <translation>Ziele</translation>
    </message>
    <message>
      <source>field ride</source>
      <translation>Außendienstbegleitung</translation>
    </message>
    <message>
      <source>field rides</source>
      <translation>Außendienstbegleitungen</translation>
    </message>
    <message>
      <source>stage</source>
      <translation>Phase</translation>
    </message>
    <message>
      <source>stages</source>
      <translation>Phasen</translation>
    </message>
    <message>
      <source>metric</source>
      <translation>Kennzahl</translation>
    </message>
    <message>
      <source>metrics</source>
      <translation>Kennzahlen</translation>
    </message>
    <message>
      <source>messages</source>
      <translation>Botschaften</translation>
    </message>
    <message>
      <source>review</source>
      <translation>Review</translation>
    </message>
    <message>
      <source>reviews</source>
      <translation>Reviews</translation>
    </message>
    <message>
      <source>{title} table</source>
      <translation>Tabelle {title}</translation>
    </message>
    <message>
      <source>Add {noun}</source>
      <translation>{noun} hinzufügen</translation>
    </message>
    <message>
      <source>Add a {noun} (Insert or Ctrl+Shift+N)</source>
      <translation>{noun} hinzufügen (Einfg oder Strg+Umschalt+N)</translation>
    </message>
    <message>
      <source>No {nouns} yet. “Add {noun}” above, or Insert, adds one.</source>
      <translation>Noch keine {nouns}. „{noun} hinzufügen“ oben oder Einfg legt einen Eintrag an.</translation>
    </message>
    <message>
      <source>&amp;History of this {noun}…</source>
      <translation>&amp;Verlauf dieser Zeile ({noun})…</translation>
    </message>
    <message>
      <source>1 {noun}</source>
      <translation>1 {noun}</translation>
    </message>
    <message>
      <source>{count} {nouns}</source>
      <translation>{count} {nouns}</translation>
    </message>
    <message>
      <source>No training yet: plan one with the buttons below.</source>
      <translation>Noch keine Schulung: planen Sie eine mit den Schaltflächen darunter.</translation>
    </message>
    <message>
      <source>Trainings</source>
      <translation>Schulungen</translation>
    </message>
    <message>
      <source>Plan a sales training</source>
      <translation>Vertriebsschulung planen</translation>
    </message>
    <message>
      <source>Plan a marketing training</source>
      <translation>Marketingschulung planen</translation>
    </message>
    <message>
      <source>Delete training</source>
      <translation>Schulung löschen</translation>
    </message>
    <message>
      <source>Seated at the training (checked)</source>
      <translation>Für die Schulung angemeldet (angehakt)</translation>
    </message>
    <message>
      <source>Attended the training (checked)</source>
      <translation>An der Schulung teilgenommen (angehakt)</translation>
    </message>
    <message>
      <source>The other team at each team's trainings a quarter</source>
      <translation>Das andere Team bei den Schulungen jedes Teams je Quartal</translation>
    </message>
    <message>
      <source>Target: the other team at each team's trainings a quarter</source>
      <translation>Ziel: das andere Team bei den Schulungen jedes Teams je Quartal</translation>
    </message>
    <message>
      <source>Seated (both teams)</source>
      <translation>Angemeldet (beide Teams)</translation>
    </message>
    <message>
      <source>Attended</source>
      <translation>Teilgenommen</translation>
    </message>
    <message>
      <source>{quarter}: marketing at sales training {sales}, sales at marketing training {marketing}</source>
      <translation>{quarter}: Marketing bei Vertriebsschulungen {sales}, Vertrieb bei Marketingschulungen {marketing}</translation>
    </message>
    <message>
      <source>short of the target</source>
      <translation>unter dem Ziel</translation>
    </message>
    <message>
      <source>You: {who}</source>
      <translation>Sie: {who}</translation>
    </message>
    <message>
      <source>Who are you?</source>
      <translation>Wer sind Sie?</translation>
    </message>
    <message>
      <source>Who are you? Tandem writes your name on every change you make and lets only the heads sign off. You say who you are; nobody checks it.</source>
      <translation>Wer sind Sie? Tandem schreibt Ihren Namen an jede Änderung, die Sie machen, und lässt nur die Leitungen freigeben. Sie sagen, wer Sie sind; niemand prüft es.</translation>
    </message>
    <message>
      <source>I am</source>
      <translation>Ich bin</translation>
    </message>
    <message>
      <source>Choose who you are…</source>
      <translation>Wählen Sie, wer Sie sind…</translation>
    </message>
    <message>
      <source>Someone else (a guest)…</source>
      <translation>Jemand anderes (Gast)…</translation>
    </message>
    <message>
      <source>That’s me</source>
      <translation>Das bin ich</translation>
    </message>
    <message>
      <source>Who you are</source>
      <translation>Wer Sie sind</translation>
    </message>
    <message>
      <source>Someone else (a guest)</source>
      <translation>Jemand anderes (Gast)</translation>
    </message>
    <message>
      <source>Your name</source>
      <translation>Ihr Name</translation>
    </message>
    <message>
      <source>Tandem records this name with every change you make on this computer, and the plan's rules (who signs off, who changes roles) follow it. It is what you declare: a plan file cannot prove who anyone is.</source>
      <translation>Tandem vermerkt diesen Namen bei jeder Änderung, die Sie an diesem Computer machen, und die Regeln des Plans (wer freigibt, wer Rollen ändert) richten sich danach. Es ist Ihre Angabe: Eine Plandatei kann nicht beweisen, wer jemand ist.</translation>
    </message>
    <message>
      <source>Guest's name</source>
      <translation>Name des Gastes</translation>
    </message>
    <message>
      <source>head of sales</source>
      <translation>Vertriebsleitung</translation>
    </message>
    <message>
      <source>head of marketing</source>
      <translation>Marketingleitung</translation>
    </message>
    <message>
      <source>editor</source>
      <translation>Bearbeitung</translation>
    </message>
    <message>
      <source>viewer</source>
      <translation>nur Lesen</translation>
    </message>
    <message>
      <source>facilitator</source>
      <translation>Moderation</translation>
    </message>
    <message>
      <source>guest</source>
      <translation>Gast</translation>
    </message>
    <message>
      <source>Tandem could not remember who you are on this computer ({why}); it will ask again next time.</source>
      <translation>Tandem konnte sich nicht merken, wer Sie an diesem Computer sind ({why}); es fragt beim nächsten Mal wieder.</translation>
    </message>
    <message>
      <source>On the server: {where}</source>
      <translation>Auf dem Server: {where}</translation>
    </message>
    <message>
      <source>The server is back; the plan holds every change made meanwhile.</source>
      <translation>Der Server ist wieder da; der Plan enthält jede Änderung, die inzwischen gemacht wurde.</translation>
    </message>
    <message>
      <source>also open by {names}</source>
      <translation>auch geöffnet von {names}</translation>
    </message>
    <message>
      <source>Where the plan lives</source>
      <translation>Wo der Plan liegt</translation>
    </message>
    <message>
      <source>Workshop &amp;display</source>
      <translation>Workshop-&amp;Bildschirm</translation>
    </message>
    <message>
      <source>&amp;Appearance</source>
      <translation>&amp;Darstellung</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Sprache</translation>
    </message>
    <message>
      <source>Open a plan (Ctrl+O) or start a new one (Ctrl+N).</source>
      <translation>Öffnen Sie einen Plan (Strg+O) oder legen Sie einen neuen an (Strg+N).</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
      <source>&amp;Clear the list</source>
      <translation>Liste &amp;leeren</translation>
    </message>
    <message>
      <source>Welcome to Tandem. This is a sample plan to look around in and try things on; your own plan starts empty.</source>
      <translation>Willkommen bei Tandem. Dies ist ein Beispielplan zum Umsehen und Ausprobieren; Ihr eigener Plan beginnt leer.</translation>
    </message>
    <message>
      <source>New plan</source>
      <translation>Neuer Plan</translation>
    </message>
    <message>
      <source>Open from server</source>
      <translation>Vom Server öffnen</translation>
    </message>
    <message>
      <source>The plan's address (tandem push prints it), or the database's to choose one of its plans.</source>
      <translation>Die Adresse des Plans (tandem push gibt sie aus) oder die der Datenbank, um einen ihrer Pläne zu wählen.</translation>
    </message>
    <message>
      <source>Publish to server</source>
      <translation>Auf dem Server veröffentlichen</translation>
    </message>
    <message>
      <source>The database's address (set up with tandem server init). Everyone you grant then edits this plan there, live.</source>
      <translation>Die Adresse der Datenbank (eingerichtet mit tandem server init). Alle, denen Sie Zugang geben, bearbeiten den Plan dann dort, live.</translation>
    </message>
    <message>
      <source>Click to dismiss</source>
      <translation>Zum Schließen klicken</translation>
    </message>
    <message>
      <source>Export calendars (field rides and action items) to</source>
      <translation>Kalender (Außendienstbegleitungen und Maßnahmen) exportieren nach</translation>
    </message>
    <message>
      <source>Start a new plan…</source>
      <translation>Neuen Plan anlegen…</translation>
    </message>
    <message>
      <source>Open a plan…</source>
      <translation>Plan öffnen…</translation>
    </message>
    <message>
      <source>Explore the sample</source>
      <translation>Beispiel erkunden</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Rückgängig</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Wiederholen</translation>
    </message>
    <message>
      <source>Workshop mode</source>
      <translation>Workshop-Modus</translation>
    </message>
    <message>
      <source>Cannot open plan</source>
      <translation>Plan kann nicht geöffnet werden</translation>
    </message>
    <message>
      <source>Cannot create plan</source>
      <translation>Plan kann nicht angelegt werden</translation>
    </message>
    <message>
      <source>Plan:</source>
      <translation>Plan:</translation>
    </message>
    <message>
      <source>Cannot publish the plan</source>
      <translation>Der Plan kann nicht veröffentlicht werden</translation>
    </message>
    <message>
      <source>Published: {address}</source>
      <translation>Veröffentlicht: {address}</translation>
    </message>
    <message>
      <source>Read-only: {reason}</source>
      <translation>Schreibgeschützt: {reason}</translation>
    </message>
    <message>
      <source>Heads-up: {problem}</source>
      <translation>Hinweis: {problem}</translation>
    </message>
    <message>
      <source>Exported {count} calendars to {folder}</source>
      <translation>{count} Kalender nach {folder} exportiert</translation>
    </message>
    <message>
      <source>Export {kind}</source>
      <translation>{kind} exportieren</translation>
    </message>
    <message>
      <source>Exported {file}</source>
      <translation>{file} exportiert</translation>
    </message>
    <message>
      <source>No recent plans</source>
      <translation>Keine zuletzt geöffneten Pläne</translation>
    </message>
    <message>
      <source>On a team server you are the person your login is ({name}); the server's owner ties logins to people.</source>
      <translation>Auf einem Teamserver sind Sie die Person Ihrer Anmeldung ({name}); der Eigentümer des Servers ordnet Anmeldungen Personen zu.</translation>
    </message>
    <message>
      <source>&amp;Undo {what}</source>
      <translation>&amp;Rückgängig: {what}</translation>
    </message>
    <message>
      <source>&amp;Redo {what}</source>
      <translation>&amp;Wiederholen: {what}</translation>
    </message>
    <message>
      <source>The calendars could not be written: {reason}</source>
      <translation>Die Kalender konnten nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
      <source>{where} holds no plan this login may read.</source>
      <translation>{where} enthält keinen Plan, den diese Anmeldung lesen darf.</translation>
    </message>
    <message>
      <source>Restore this version</source>
      <translation>Diese Version wiederherstellen</translation>
    </message>
    <message>
      <source>Save a copy</source>
      <translation>Kopie speichern</translation>
    </message>
    <message>
      <source>Save the new plan as</source>
      <translation>Den neuen Plan speichern unter</translation>
    </message>
    <message>
      <source>Save the plan elsewhere</source>
      <translation>Den Plan an anderer Stelle speichern</translation>
    </message>
    <message>
      <source>Restore from backup</source>
      <translation>Aus Sicherung wiederherstellen</translation>
    </message>
    <message>
      <source>Open a backup (read-only; save a copy of it to keep it):</source>
      <translation>Sicherung öffnen (schreibgeschützt; speichern Sie eine Kopie davon, um sie zu behalten):</translation>
    </message>
    <message>
      <source>“{version}” of {file}</source>
      <translation>„{version}“ von {file}</translation>
    </message>
    <message>
      <source>the version {name}, saved {when} by {author}. Nothing here can be changed.</source>
      <translation>die Version {name}, gespeichert am {when} von {author}. Hier kann nichts geändert werden.</translation>
    </message>
    <message>
      <source>The plan is as that version already.</source>
      <translation>Der Plan entspricht bereits dieser Version.</translation>
    </message>
    <message>
      <source>Restore version</source>
      <translation>Version wiederherstellen</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>Wiederherstellen</translation>
    </message>
    <message>
      <source>Not started</source>
      <translation>Nicht begonnen</translation>
    </message>
    <message>
      <source>The plan's disk is gone</source>
      <translation>Der Datenträger des Plans ist weg</translation>
    </message>
    <message>
      <source>Save elsewhere…</source>
      <translation>An anderer Stelle speichern…</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>Später</translation>
    </message>
    <message>
      <source>Nothing more is written to the lost disk; File › Save a copy… saves the plan from memory.</source>
      <translation>Auf den verlorenen Datenträger wird nichts mehr geschrieben; Datei › Kopie speichern… sichert den Plan aus dem Arbeitsspeicher.</translation>
    </message>
    <message>
      <source>No backups</source>
      <translation>Keine Sicherungen</translation>
    </message>
    <message>
      <source>This plan has no backups yet. Tandem makes one each day the plan is opened for editing.</source>
      <translation>Für diesen Plan gibt es noch keine Sicherungen. Tandem legt an jedem Tag, an dem der Plan zum Bearbeiten geöffnet wird, eine an.</translation>
    </message>
    <message>
      <source>Version not saved</source>
      <translation>Version nicht gespeichert</translation>
    </message>
    <message>
      <source>Saved the version “{name}”</source>
      <translation>Version „{name}“ gespeichert</translation>
    </message>
    <message>
      <source>Delete version</source>
      <translation>Version löschen</translation>
    </message>
    <message>
      <source>Version not opened</source>
      <translation>Version nicht geöffnet</translation>
    </message>
    <message>
      <source>Cannot restore</source>
      <translation>Wiederherstellen nicht möglich</translation>
    </message>
    <message>
      <source>Nothing to merge</source>
      <translation>Nichts zusammenzuführen</translation>
    </message>
    <message>
      <source>Merge changes</source>
      <translation>Änderungen zusammenführen</translation>
    </message>
    <message>
      <source>Merge</source>
      <translation>Zusammenführen</translation>
    </message>
    <message>
      <source>Merged the changes from {file}</source>
      <translation>Änderungen aus {file} zusammengeführt</translation>
    </message>
    <message>
      <source>Copy not saved</source>
      <translation>Kopie nicht gespeichert</translation>
    </message>
    <message>
      <source>Saved a copy as {file}</source>
      <translation>Kopie als {file} gespeichert</translation>
    </message>
    <message>
      <source>Template not saved</source>
      <translation>Vorlage nicht gespeichert</translation>
    </message>
    <message>
      <source>There is a template of that name already; choose another name.</source>
      <translation>Es gibt schon eine Vorlage mit diesem Namen; wählen Sie einen anderen.</translation>
    </message>
    <message>
      <source>Saved the template “{name}”; File › New from template offers it.</source>
      <translation>Vorlage „{name}“ gespeichert; Datei › Neu aus Vorlage bietet sie an.</translation>
    </message>
    <message>
      <source>Started {title}; the closed plan keeps a final version.</source>
      <translation>{title} begonnen; der abgeschlossene Plan behält eine letzte Version.</translation>
    </message>
    <message>
      <source>Make the plan as it was in “{name}” ({changes})? You can undo it.</source>
      <translation>Plan auf den Stand von „{name}“ zurücksetzen ({changes})? Sie können dies rückgängig machen.</translation>
    </message>
    <message>
      <source>Cannot merge</source>
      <translation>Zusammenführen nicht möglich</translation>
    </message>
    <message>
      <source>{file} already exists; a new plan is never written over another.</source>
      <translation>{file} gibt es schon; ein neuer Plan wird nie über einen anderen geschrieben.</translation>
    </message>
    <message>
      <source>{file} already exists; a new period is never written over a plan.</source>
      <translation>{file} gibt es schon; ein neuer Zeitraum wird nie über einen Plan geschrieben.</translation>
    </message>
    <message>
      <source>Saved the plan from memory as {file}; you are editing it now.</source>
      <translation>Der Plan wurde aus dem Arbeitsspeicher als {file} gespeichert; Sie bearbeiten jetzt diese Datei.</translation>
    </message>
    <message>
      <source>Delete the version “{name}”? The plan itself does not change.</source>
      <translation>Version „{name}“ löschen? Der Plan selbst ändert sich nicht.</translation>
    </message>
    <message>
      <source>{file} holds nothing this plan does not have.</source>
      <translation>{file} enthält nichts, was dieser Plan nicht schon hat.</translation>
    </message>
    <message>
      <source>Bring in the changes from {file} ({changes})? Nobody changed the same thing differently. You can undo it.</source>
      <translation>Änderungen aus {file} übernehmen ({changes})? Niemand hat dasselbe unterschiedlich geändert. Sie können dies rückgängig machen.</translation>
    </message>
    <message>
      <source>value</source>
      <translation>Wert</translation>
    </message>
    <message>
      <source>Select a metric to see it over the periods.</source>
      <translation>Wählen Sie eine Kennzahl aus, um ihren Verlauf über die Zeiträume zu sehen.</translation>
    </message>
    <message>
      <source>baseline</source>
      <translation>Ausgangswert</translation>
    </message>
    <message>
      <source>target</source>
      <translation>Zielwert</translation>
    </message>
    <message>
      <source>Check-ins over time</source>
      <translation>Check-ins im Zeitverlauf</translation>
    </message>
    <message>
      <source>No check-ins yet</source>
      <translation>Noch keine Check-ins</translation>
    </message>
    <message>
      <source>{n} check-ins; latest on {day}: progress {progress}, confidence {sure} of 10</source>
      <translation>{n} Check-ins; zuletzt am {day}: Fortschritt {progress}, Zuversicht {sure} von 10</translation>
    </message>
    <message>
      <source>Typed</source>
      <translation>Eingegeben</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Ja</translation>
    </message>
    <message>
      <source>No</source>
      <translation>Nein</translation>
    </message>
    <message>
      <source>(removed)</source>
      <translation>(entfernt)</translation>
    </message>
    <message>
      <source>(left the plan)</source>
      <translation>(nicht mehr im Plan)</translation>
    </message>
    <message>
      <source>Computed: {figure}</source>
      <translation>Berechnet: {figure}</translation>
    </message>
    <message>
      <source>{name} is on two field rides on {day}.</source>
      <translation>{name} ist am {day} für zwei Außendienstbegleitungen eingeplant.</translation>
    </message>
    <message>
      <source>Someone</source>
      <translation>Jemand</translation>
    </message>
    <message>
      <source>(nobody)</source>
      <translation>(niemand)</translation>
    </message>
    <message>
      <source>(no stage)</source>
      <translation>(keine Phase)</translation>
    </message>
    <message>
      <source>empty: none</source>
      <translation>leer: keine</translation>
    </message>
    <message>
      <source>“{text}” is not a number; {column} is unchanged.</source>
      <translation>„{text}“ ist keine Zahl; {column} bleibt unverändert.</translation>
    </message>
    <message>
      <source>title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <source>description</source>
      <translation>Beschreibung</translation>
    </message>
    <message>
      <source>success measure</source>
      <translation>Erfolgskriterium</translation>
    </message>
    <message>
      <source>due date</source>
      <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
      <source>The list is sorted: click the sorted column until the sort goes away to drag goals into place.</source>
      <translation>Die Liste ist sortiert: Klicken Sie so oft auf die sortierte Spalte, bis die Sortierung aufgehoben ist, um Ziele an ihren Platz zu ziehen.</translation>
    </message>
    <message>
      <source>not checked in yet</source>
      <translation>noch kein Check-in</translation>
    </message>
    <message>
      <source>{who} on {day}: {note}</source>
      <translation>{who} am {day}: {note}</translation>
    </message>
    <message>
      <source>Changing the {what} of “{name}” withdraws the sign-off of {who}. Both sides will need to sign the new wording.</source>
      <translation>Wenn Sie bei „{name}“ das Feld „{what}“ ändern, wird die Abzeichnung durch {who} zurückgezogen. Beide Seiten müssen den neuen Wortlaut erneut abzeichnen.</translation>
    </message>
    <message>
      <source>Change and withdraw the sign-offs</source>
      <translation>Ändern und Abzeichnungen zurückziehen</translation>
    </message>
    <message>
      <source>Changing the {what} of “{name}” withdraws the approval of {who}. Both sides will need to approve the new wording.</source>
      <translation>Wenn Sie bei „{name}“ das Feld „{what}“ ändern, wird die Genehmigung durch {who} zurückgezogen. Beide Seiten müssen den neuen Wortlaut erneut genehmigen.</translation>
    </message>
    <message>
      <source>Change and withdraw the approvals</source>
      <translation>Ändern und Genehmigungen zurückziehen</translation>
    </message>
    <message>
      <source>Change agreed wording?</source>
      <translation>Vereinbarten Wortlaut ändern?</translation>
    </message>
    <message>
      <source>Keep the agreed wording</source>
      <translation>Vereinbarten Wortlaut beibehalten</translation>
    </message>
    <message>
      <source>Nobody to sign</source>
      <translation>Niemand zum Abzeichnen</translation>
    </message>
    <message>
      <source>Sign for {side}</source>
      <translation>Für {side} abzeichnen</translation>
    </message>
    <message>
      <source>Who signs for {side}? The signer says it is them; Tandem records their name.</source>
      <translation>Wer gibt für {side} frei? Wer freigibt, sagt, dass er es ist; Tandem vermerkt den Namen.</translation>
    </message>
    <message>
      <source>and</source>
      <translation>und</translation>
    </message>
    <message>
      <source>The plan names no head of {side} to sign. Name one on the Overview.</source>
      <translation>Der Plan nennt keine Leitung für {side}, die freigeben kann. Benennen Sie eine in der Übersicht.</translation>
    </message>
    <message>
      <source>Nothing here matches the filters; Ctrl+Shift+F shows everything.</source>
      <translation>Nichts entspricht den Filtern; Strg+Umschalt+F zeigt alles an.</translation>
    </message>
    <message>
      <source>Field rides on a timeline: Left and Right pick a ride, Alt+Left and Alt+Right move it a day</source>
      <translation>Feldbesuche auf einer Zeitleiste: Links und Rechts wählen einen Besuch, Alt+Links und Alt+Rechts verschieben ihn um einen Tag</translation>
    </message>
    <message>
      <source>planned</source>
      <translation>geplant</translation>
    </message>
    <message>
      <source>confirmed</source>
      <translation>bestätigt</translation>
    </message>
    <message>
      <source>done</source>
      <translation>erledigt</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>abgesagt</translation>
    </message>
    <message>
      <source>today</source>
      <translation>heute</translation>
    </message>
    <message>
      <source>{visitor} rides with {host}: {first} – {last}, {status}</source>
      <translation>{visitor} begleitet {host}: {first} – {last}, {status}</translation>
    </message>
    <message>
      <source>On two rides the same day!</source>
      <translation>Am selben Tag auf zwei Begleitungen!</translation>
    </message>
    <message>
      <source>Ctrl+Enter saves · Esc cancels · Tab: next field</source>
      <translation>Strg+Enter speichert · Esc bricht ab · Tab: nächstes Feld</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Speichern</translation>
    </message>
    <message>
      <source>Tandem workshop: presenter</source>
      <translation>Tandem-Workshop: Moderationsansicht</translation>
    </message>
    <message>
      <source>The last slide</source>
      <translation>Die letzte Folie</translation>
    </message>
    <message>
      <source>Slide {n} of {count}</source>
      <translation>Folie {n} von {count}</translation>
    </message>
    <message>
      <source>Next: {title}</source>
      <translation>Als Nächstes: {title}</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Only this computer can join: it is on no network.</source>
      <translation>Nur dieser Computer kann beitreten: Er ist in keinem Netzwerk.</translation>
    </message>
    <message>
      <source>Can't reach it? Many company networks keep devices apart: open a phone hotspot and join it with this laptop and the phones.</source>
      <translation>Nicht erreichbar? Viele Firmennetze trennen Geräte voneinander: Öffnen Sie einen Handy-Hotspot und verbinden Sie diesen Laptop und die Handys damit.</translation>
    </message>
    <message>
      <source>1 person in the room</source>
      <translation>1 Person im Raum</translation>
    </message>
    <message>
      <source>From sales</source>
      <translation>Vom Vertrieb</translation>
    </message>
    <message>
      <source>From marketing</source>
      <translation>Vom Marketing</translation>
    </message>
    <message>
      <source>No cards yet: add one from your phone.</source>
      <translation>Noch keine Karten: Fügen Sie eine vom Handy hinzu.</translation>
    </message>
    <message>
      <source>The plan has no survey.</source>
      <translation>Der Plan hat keine Umfrage.</translation>
    </message>
    <message>
      <source>1 answer in the room</source>
      <translation>1 Antwort im Raum</translation>
    </message>
    <message>
      <source>I: take the answers into the plan</source>
      <translation>I: die Antworten in den Plan übernehmen</translation>
    </message>
    <message>
      <source>No answers yet: answer from your phone.</source>
      <translation>Noch keine Antworten: Antworten Sie auf Ihrem Handy.</translation>
    </message>
    <message>
      <source>{count} in the room</source>
      <translation>{count} im Raum</translation>
    </message>
    <message>
      <source>… and {count} more</source>
      <translation>… und {count} weitere</translation>
    </message>
    <message>
      <source>Vote open: {clock} left</source>
      <translation>Abstimmung läuft: noch {clock}</translation>
    </message>
    <message>
      <source>{count} answers in the room</source>
      <translation>{count} Antworten im Raum</translation>
    </message>
    <message>
      <source>anonymous</source>
      <translation>anonym</translation>
    </message>
    <message>
      <source>L: park a topic (from any slide)</source>
      <translation>L: Thema parken (auf jeder Folie)</translation>
    </message>
    <message>
      <source>Tandem workshop</source>
      <translation>Tandem-Workshop</translation>
    </message>
    <message>
      <source>Answer on your phone in the room (O opens it): find your name, then whom you go to and how often.</source>
      <translation>Antworten Sie im Raum auf Ihrem Handy (O öffnet ihn): Suchen Sie Ihren Namen, dann, an wen Sie sich wenden und wie oft.</translation>
    </message>
    <message>
      <source>Proposal from sales</source>
      <translation>Vorschlag des Vertriebs</translation>
    </message>
    <message>
      <source>Proposal from marketing</source>
      <translation>Vorschlag des Marketings</translation>
    </message>
    <message>
      <source>Reword the goal (both sign-offs are withdrawn)</source>
      <translation>Ziel umformulieren (beide Abzeichnungen werden zurückgezogen)</translation>
    </message>
    <message>
      <source>Check in: how far, and how sure are we?</source>
      <translation>Check-in: Wie weit sind wir, und wie sicher?</translation>
    </message>
    <message>
      <source>Reword the message (both approvals are withdrawn)</source>
      <translation>Botschaft umformulieren (beide Genehmigungen werden zurückgezogen)</translation>
    </message>
    <message>
      <source>Review, without blame</source>
      <translation>Review ohne Schuldzuweisung</translation>
    </message>
    <message>
      <source>Park a topic</source>
      <translation>Thema parken</translation>
    </message>
    <message>
      <source>S / M: sign for sales / marketing  ·  E: reword  ·  C: check in  ·  Ctrl+Z: undo</source>
      <translation>S / M: für Vertrieb / Marketing abzeichnen  ·  E: umformulieren  ·  C: Check-in  ·  Strg+Z: rückgängig</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <source>O: close the room</source>
      <translation>O: Raum schließen</translation>
    </message>
    <message>
      <source>V: vote</source>
      <translation>V: abstimmen</translation>
    </message>
    <message>
      <source>[ ]: pick</source>
      <translation>[ ]: wählen</translation>
    </message>
    <message>
      <source>I: take in</source>
      <translation>I: übernehmen</translation>
    </message>
    <message>
      <source>{answered} of {invited} have answered.</source>
      <translation>{answered} von {invited} haben geantwortet.</translation>
    </message>
    <message>
      <source>Goal</source>
      <translation>Ziel</translation>
    </message>
    <message>
      <source>Success measure</source>
      <translation>Erfolgskriterium</translation>
    </message>
    <message>
      <source>What changed</source>
      <translation>Was sich geändert hat</translation>
    </message>
    <message>
      <source>Customer problem</source>
      <translation>Kundenproblem</translation>
    </message>
    <message>
      <source>Topic to come back to</source>
      <translation>Thema für später</translation>
    </message>
    <message>
      <source>K: the room's confidence</source>
      <translation>K: Zuversicht des Raums</translation>
    </message>
    <message>
      <source>F: format</source>
      <translation>F: Format</translation>
    </message>
    <message>
      <source>S: a proposal from sales  ·  M: from marketing</source>
      <translation>S: Vorschlag des Vertriebs  ·  M: des Marketings</translation>
    </message>
    <message>
      <source>Tab: pick a ride  ·  &lt; &gt;: a day earlier / later  ·  Ctrl+Z: undo</source>
      <translation>Tab: Begleitung wählen  ·  &lt; &gt;: einen Tag früher / später  ·  Strg+Z: rückgängig</translation>
    </message>
    <message>
      <source>Tab: pick  ·  S / M: approve for sales / marketing  ·  E: reword  ·  Ctrl+Z: undo</source>
      <translation>Tab: wählen  ·  S / M: für Vertrieb / Marketing genehmigen  ·  E: umformulieren  ·  Strg+Z: rückgängig</translation>
    </message>
    <message>
      <source>Tab: pick  ·  S / M: make it a goal of sales / marketing  ·  C: close  ·  L: park a topic</source>
      <translation>Tab: wählen  ·  S / M: zum Ziel des Vertriebs / Marketings machen  ·  C: schließen  ·  L: Thema parken</translation>
    </message>
    <message>
      <source>go to slide {number}…</source>
      <translation>zu Folie {number}…</translation>
    </message>
    <message>
      <source>{section}  ·  {clock} on this item</source>
      <translation>{section}  ·  {clock} für diesen Punkt</translation>
    </message>
    <message>
      <source>{first} – {last}: {visitor} with {host}</source>
      <translation>{first} – {last}: {visitor} bei {host}</translation>
    </message>
    <message>
      <source>two rides the same day</source>
      <translation>zwei Begleitungen am selben Tag</translation>
    </message>
    <message>
      <source>(by {name})</source>
      <translation>(von {name})</translation>
    </message>
    <message>
      <source>Executive summary</source>
      <translation>Zusammenfassung für die Geschäftsleitung</translation>
    </message>
    <message>
      <source>Each goal has an owner on each side and is agreed when both sides signed its wording. Enter edits a cell, Insert adds, Delete removes, drag or Ctrl+↑/↓ reorders; right-click for sign-off.</source>
      <translation>Jedes Ziel hat auf jeder Seite eine verantwortliche Person und gilt als vereinbart, wenn beide Seiten seinen Wortlaut abgezeichnet haben. Enter bearbeitet eine Zelle, Einfg fügt hinzu, Entf entfernt, Ziehen oder Strg+↑/↓ ordnet neu an; Rechtsklick zum Abzeichnen.</translation>
    </message>
    <message>
      <source>How sure are we?</source>
      <translation>Wie sicher sind wir?</translation>
    </message>
    <message>
      <source>Marketing rides with sales, then sales spends days with marketing. Rows in red break a rule: hover for why.</source>
      <translation>Das Marketing begleitet den Vertrieb, dann verbringt der Vertrieb Tage beim Marketing. Rote Zeilen verletzen eine Regel: Zeigen Sie darauf, um den Grund zu sehen.</translation>
    </message>
    <message>
      <source>Status follows one rule: on track within 10 points of the straight line from baseline to target, at risk within 30. Hover a status for why.</source>
      <translation>Der Status folgt einer einzigen Regel: im Plan bei höchstens 10 Punkten Rückstand auf die Gerade vom Ausgangswert zum Zielwert, gefährdet bei höchstens 30. Zeigen Sie auf einen Status, um den Grund zu sehen.</translation>
    </message>
    <message>
      <source>One buying process: who engages at each stage, the entry both sides agreed, and each handoff both ways.</source>
      <translation>Ein Kaufprozess: wer sich in welcher Phase einbringt, die von beiden Seiten vereinbarte Eingangsdefinition und jede Übergabe in beide Richtungen.</translation>
    </message>
    <message>
      <source>One library of customer messages both sides approve on their exact wording; changing the wording withdraws both approvals. Ctrl+Shift+S / Ctrl+Shift+M approve for sales / marketing.</source>
      <translation>Eine Bibliothek von Kundenbotschaften, deren genauen Wortlaut beide Seiten genehmigen; eine Änderung des Wortlauts zieht beide Genehmigungen zurück. Strg+Umschalt+S / Strg+Umschalt+M genehmigen für Vertrieb / Marketing.</translation>
    </message>
    <message>
      <source>No blame: what happened, what we learned, what we change in the system, and who does what by when.</source>
      <translation>Ohne Schuldzuweisung: was passiert ist, was wir gelernt haben, was wir am System ändern und wer was bis wann tut.</translation>
    </message>
    <message>
      <source>Who works with whom across the two teams: brokers link sales and marketing, isolates have no tie to the other team yet. Suggest a ride to bring them in.</source>
      <translation>Wer mit wem über die Teamgrenze arbeitet: Brückenbauer verbinden Vertrieb und Marketing, Isolierte haben noch keine Verbindung zum anderen Team. Schlagen Sie eine Begleitung vor, um sie einzubinden.</translation>
    </message>
    <message>
      <source>Appendix: check-ins</source>
      <translation>Anhang: Check-ins</translation>
    </message>
    <message>
      <source>Sales owner</source>
      <translation>Verantwortlich Vertrieb</translation>
    </message>
    <message>
      <source>Marketing owner</source>
      <translation>Verantwortlich Marketing</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Fällig</translation>
    </message>
    <message>
      <source>Latest check-in</source>
      <translation>Letzter Check-in</translation>
    </message>
    <message>
      <source>Proposed by</source>
      <translation>Vorgeschlagen von</translation>
    </message>
    <message>
      <source>Measured by</source>
      <translation>Gemessen an</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Rolle</translation>
    </message>
    <message>
      <source>Territory</source>
      <translation>Gebiet</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>E-Mail</translation>
    </message>
    <message>
      <source>Left the plan</source>
      <translation>Nicht mehr im Plan</translation>
    </message>
    <message>
      <source>In the plan</source>
      <translation>Im Plan</translation>
    </message>
    <message>
      <source>Signs for the head</source>
      <translation>Gibt für die Leitung frei</translation>
    </message>
    <message>
      <source>Direction</source>
      <translation>Richtung</translation>
    </message>
    <message>
      <source>Visitor</source>
      <translation>Gast</translation>
    </message>
    <message>
      <source>Host</source>
      <translation>Gastgeber</translation>
    </message>
    <message>
      <source>First day</source>
      <translation>Erster Tag</translation>
    </message>
    <message>
      <source>Last day</source>
      <translation>Letzter Tag</translation>
    </message>
    <message>
      <source>Accounts</source>
      <translation>Kunden</translation>
    </message>
    <message>
      <source>Objective</source>
      <translation>Zielsetzung</translation>
    </message>
    <message>
      <source>Metric</source>
      <translation>Kennzahl</translation>
    </message>
    <message>
      <source>Trend</source>
      <translation>Trend</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Einheit</translation>
    </message>
    <message>
      <source>Baseline</source>
      <translation>Ausgangswert</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>Zielwert</translation>
    </message>
    <message>
      <source>Cadence</source>
      <translation>Rhythmus</translation>
    </message>
    <message>
      <source>Reported by</source>
      <translation>Gemeldet von</translation>
    </message>
    <message>
      <source>Funnel stage</source>
      <translation>Funnel-Phase</translation>
    </message>
    <message>
      <source>Actuals</source>
      <translation>Istwerte</translation>
    </message>
    <message>
      <source>Linked goals</source>
      <translation>Verknüpfte Ziele</translation>
    </message>
    <message>
      <source>Definition</source>
      <translation>Definition</translation>
    </message>
    <message>
      <source>Engaged team</source>
      <translation>Beteiligtes Team</translation>
    </message>
    <message>
      <source>Entry definition (agreed)</source>
      <translation>Eingangsdefinition (vereinbart)</translation>
    </message>
    <message>
      <source>Handoff: service forward</source>
      <translation>Übergabe: Service vorwärts</translation>
    </message>
    <message>
      <source>Promise measured</source>
      <translation>Gemessenes Versprechen</translation>
    </message>
    <message>
      <source>Service back: what happens to a returned lead</source>
      <translation>Service zurück: was mit einem zurückgegebenen Lead geschieht</translation>
    </message>
    <message>
      <source>Reasons to send back</source>
      <translation>Gründe für die Rückgabe</translation>
    </message>
    <message>
      <source>Customer problem (hot button)</source>
      <translation>Kundenproblem (Kundenthema)</translation>
    </message>
    <message>
      <source>Segment or persona</source>
      <translation>Segment oder Persona</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Erledigt</translation>
    </message>
    <message>
      <source>Training</source>
      <translation>Schulung</translation>
    </message>
    <message>
      <source>Whose</source>
      <translation>Von</translation>
    </message>
    <message>
      <source>Methodology</source>
      <translation>Methodik</translation>
    </message>
    <message>
      <source>Trainer</source>
      <translation>Trainer</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Sonstige</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>Entwurf</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>Aktiv</translation>
    </message>
    <message>
      <source>Dropped</source>
      <translation>Verworfen</translation>
    </message>
    <message>
      <source>Marketing rides with sales</source>
      <translation>Marketing begleitet Vertrieb</translation>
    </message>
    <message>
      <source>Sales spends days with marketing</source>
      <translation>Vertrieb verbringt Tage beim Marketing</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Geplant</translation>
    </message>
    <message>
      <source>Confirmed</source>
      <translation>Bestätigt</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Abgesagt</translation>
    </message>
    <message>
      <source>Higher is better</source>
      <translation>Höher ist besser</translation>
    </message>
    <message>
      <source>Lower is better</source>
      <translation>Niedriger ist besser</translation>
    </message>
    <message>
      <source>Monthly</source>
      <translation>Monatlich</translation>
    </message>
    <message>
      <source>Quarterly</source>
      <translation>Quartalsweise</translation>
    </message>
    <message>
      <source>Editor</source>
      <translation>Bearbeitung</translation>
    </message>
    <message>
      <source>Viewer</source>
      <translation>Nur Lesen</translation>
    </message>
    <message>
      <source>Facilitator</source>
      <translation>Moderation</translation>
    </message>
    <message>
      <source>Both</source>
      <translation>Beide</translation>
    </message>
    <message>
      <source>hours</source>
      <translation>Stunden</translation>
    </message>
    <message>
      <source>working hours</source>
      <translation>Arbeitsstunden</translation>
    </message>
    <message>
      <source>working days</source>
      <translation>Arbeitstage</translation>
    </message>
    <message>
      <source>The exporter's language</source>
      <translation>Die Sprache der Person, die exportiert</translation>
    </message>
    <message>
      <source>English</source>
      <translation>English</translation>
    </message>
    <message>
      <source>Deutsch</source>
      <translation>Deutsch</translation>
    </message>
    <message>
      <source>No currency</source>
      <translation>Keine Währung</translation>
    </message>
    <message>
      <source>EUR</source>
      <translation>EUR</translation>
    </message>
    <message>
      <source>USD</source>
      <translation>USD</translation>
    </message>
    <message>
      <source>GBP</source>
      <translation>GBP</translation>
    </message>
    <message>
      <source>CHF</source>
      <translation>CHF</translation>
    </message>
    <message>
      <source>SEK</source>
      <translation>SEK</translation>
    </message>
    <message>
      <source>NOK</source>
      <translation>NOK</translation>
    </message>
    <message>
      <source>DKK</source>
      <translation>DKK</translation>
    </message>
    <message>
      <source>PLN</source>
      <translation>PLN</translation>
    </message>
    <message>
      <source>CZK</source>
      <translation>CZK</translation>
    </message>
    <message>
      <source>HUF</source>
      <translation>HUF</translation>
    </message>
    <message>
      <source>CAD</source>
      <translation>CAD</translation>
    </message>
    <message>
      <source>AUD</source>
      <translation>AUD</translation>
    </message>
    <message>
      <source>NZD</source>
      <translation>NZD</translation>
    </message>
    <message>
      <source>JPY</source>
      <translation>JPY</translation>
    </message>
    <message>
      <source>CNY</source>
      <translation>CNY</translation>
    </message>
    <message>
      <source>INR</source>
      <translation>INR</translation>
    </message>
    <message>
      <source>SGD</source>
      <translation>SGD</translation>
    </message>
    <message>
      <source>HKD</source>
      <translation>HKD</translation>
    </message>
    <message>
      <source>BRL</source>
      <translation>BRL</translation>
    </message>
    <message>
      <source>MXN</source>
      <translation>MXN</translation>
    </message>
    <message>
      <source>ZAR</source>
      <translation>ZAR</translation>
    </message>
    <message>
      <source>AED</source>
      <translation>AED</translation>
    </message>
    <message>
      <source>ILS</source>
      <translation>ILS</translation>
    </message>
    <message>
      <source>TRY</source>
      <translation>TRY</translation>
    </message>
    <message>
      <source>KRW</source>
      <translation>KRW</translation>
    </message>
    <message>
      <source>Leads</source>
      <translation>Leads</translation>
    </message>
    <message>
      <source>Deals</source>
      <translation>Deals</translation>
    </message>
    <message>
      <source>&amp;New plan…</source>
      <translation>&amp;Neuer Plan…</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Datei</translation>
    </message>
    <message>
      <source>New from &amp;template…</source>
      <translation>Neu aus &amp;Vorlage…</translation>
    </message>
    <message>
      <source>A plan that starts from a template: SaaS, field sales or account-based</source>
      <translation>Ein Plan, der mit einer Vorlage beginnt: SaaS, Außendienst oder accountbasiert</translation>
    </message>
    <message>
      <source>&amp;Open plan…</source>
      <translation>Plan &amp;öffnen…</translation>
    </message>
    <message>
      <source>Open from ser&amp;ver…</source>
      <translation>Vom Ser&amp;ver öffnen…</translation>
    </message>
    <message>
      <source>Open a plan your team keeps on a PostgreSQL server, live with everyone's edits</source>
      <translation>Einen Plan öffnen, den Ihr Team auf einem PostgreSQL-Server führt, live mit den Änderungen aller</translation>
    </message>
    <message>
      <source>&amp;Publish to server…</source>
      <translation>Auf dem Server &amp;veröffentlichen…</translation>
    </message>
    <message>
      <source>Put this plan, with its history, on your team's server</source>
      <translation>Diesen Plan mit seinem Verlauf auf den Server Ihres Teams stellen</translation>
    </message>
    <message>
      <source>Take &amp;offline copy…</source>
      <translation>&amp;Offline-Kopie nehmen…</translation>
    </message>
    <message>
      <source>A plan file of the server's plan to work on offline and merge back later</source>
      <translation>Eine Plandatei des Serverplans, um offline zu arbeiten und später zusammenzuführen</translation>
    </message>
    <message>
      <source>Save &amp;version…</source>
      <translation>&amp;Version speichern…</translation>
    </message>
    <message>
      <source>Name the plan as it stands now, to compare or restore later</source>
      <translation>Den aktuellen Stand des Plans benennen, um ihn später zu vergleichen oder wiederherzustellen</translation>
    </message>
    <message>
      <source>Ve&amp;rsions…</source>
      <translation>Ve&amp;rsionen…</translation>
    </message>
    <message>
      <source>Open, compare or restore a saved version</source>
      <translation>Gespeicherte Version öffnen, vergleichen oder wiederherstellen</translation>
    </message>
    <message>
      <source>Compare with another &amp;file…</source>
      <translation>Mit anderer &amp;Datei vergleichen…</translation>
    </message>
    <message>
      <source>What differs between this plan and another copy of it</source>
      <translation>Was sich zwischen diesem Plan und einer anderen Kopie davon unterscheidet</translation>
    </message>
    <message>
      <source>&amp;Merge changes from…</source>
      <translation>Änderungen zusa&amp;mmenführen aus…</translation>
    </message>
    <message>
      <source>Bring in the changes made in another copy of this plan</source>
      <translation>Die Änderungen aus einer anderen Kopie dieses Plans übernehmen</translation>
    </message>
    <message>
      <source>W&amp;ho you are…</source>
      <translation>W&amp;er Sie sind…</translation>
    </message>
    <message>
      <source>The person whose name goes on your changes to this plan, on this computer</source>
      <translation>Die Person, deren Name an Ihren Änderungen dieses Plans steht, an diesem Computer</translation>
    </message>
    <message>
      <source>Start the &amp;next period…</source>
      <translation>Den &amp;nächsten Zeitraum beginnen…</translation>
    </message>
    <message>
      <source>A new plan for the following period, carrying what is not done</source>
      <translation>Ein neuer Plan für den folgenden Zeitraum, mit allem, was nicht erledigt ist</translation>
    </message>
    <message>
      <source>Take in a C&amp;RM export…</source>
      <translation>C&amp;RM-Export übernehmen…</translation>
    </message>
    <message>
      <source>Leads or deals from Salesforce, HubSpot or any CSV or XLSX, kept in the plan</source>
      <translation>Leads oder Deals aus Salesforce, HubSpot oder jeder CSV- oder XLSX-Datei, im Plan gehalten</translation>
    </message>
    <message>
      <source>Save as te&amp;mplate…</source>
      <translation>Als Vor&amp;lage speichern…</translation>
    </message>
    <message>
      <source>This plan's funnel, metrics and goal ideas as a template for new plans</source>
      <translation>Trichter, Kennzahlen und Zielideen dieses Plans als Vorlage für neue Pläne</translation>
    </message>
    <message>
      <source>Save a &amp;copy…</source>
      <translation>&amp;Kopie speichern…</translation>
    </message>
    <message>
      <source>A complete copy of the plan, history and versions included</source>
      <translation>Eine vollständige Kopie des Plans, einschließlich Verlauf und Versionen</translation>
    </message>
    <message>
      <source>Restore from &amp;backup…</source>
      <translation>Aus Sicherung &amp;wiederherstellen…</translation>
    </message>
    <message>
      <source>Open one of this plan's daily backups</source>
      <translation>Eine der täglichen Sicherungen dieses Plans öffnen</translation>
    </message>
    <message>
      <source>Export &amp;PDF…</source>
      <translation>&amp;PDF exportieren…</translation>
    </message>
    <message>
      <source>Export &amp;JSON…</source>
      <translation>&amp;JSON exportieren…</translation>
    </message>
    <message>
      <source>Export &amp;calendars (rides and actions)…</source>
      <translation>Ka&amp;lender exportieren (Begleitungen und Maßnahmen)…</translation>
    </message>
    <message>
      <source>One iCalendar file for the plan and one per person</source>
      <translation>Eine iCalendar-Datei für den Plan und eine je Person</translation>
    </message>
    <message>
      <source>&amp;Close plan</source>
      <translation>Plan &amp;schließen</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
      <source>&amp;History…</source>
      <translation>&amp;Verlauf…</translation>
    </message>
    <message>
      <source>Who changed what, and when</source>
      <translation>Wer was wann geändert hat</translation>
    </message>
    <message>
      <source>&amp;Add row</source>
      <translation>Zeile &amp;hinzufügen</translation>
    </message>
    <message>
      <source>Add a goal or a person on this page</source>
      <translation>Auf dieser Seite ein Ziel oder eine Person hinzufügen</translation>
    </message>
    <message>
      <source>&amp;Delete selected</source>
      <translation>Auswahl &amp;löschen</translation>
    </message>
    <message>
      <source>&amp;Workshop mode</source>
      <translation>&amp;Workshopmodus</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Ansicht</translation>
    </message>
    <message>
      <source>Project the plan full screen and edit it live with the room</source>
      <translation>Den Plan im Vollbild projizieren und gemeinsam mit dem Raum live bearbeiten</translation>
    </message>
    <message>
      <source>Tandem &amp;guide</source>
      <translation>Tandem-&amp;Handbuch</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Hilfe</translation>
    </message>
    <message>
      <source>How Tandem works, the metric status rule included</source>
      <translation>Wie Tandem funktioniert, einschließlich der Regel für den Kennzahlstatus</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Tastenkombinationen</translation>
    </message>
    <message>
      <source>Every key of the window and of workshop mode</source>
      <translation>Alle Tasten des Fensters und des Workshopmodus</translation>
    </message>
    <message>
      <source>&amp;About Tandem</source>
      <translation>&amp;Über Tandem</translation>
    </message>
    <message>
      <source>The version, and the licences of what Tandem is made with</source>
      <translation>Die Version und die Lizenzen der Software, mit der Tandem erstellt ist</translation>
    </message>
    <message>
      <source>Follow the &amp;system</source>
      <translation>&amp;Systemstandard</translation>
    </message>
    <message>
      <source>&amp;Light</source>
      <translation>&amp;Hell</translation>
    </message>
    <message>
      <source>&amp;Dark</source>
      <translation>&amp;Dunkel</translation>
    </message>
    <message>
      <source>Enter a revenue target and an average deal size.</source>
      <translation>Geben Sie ein Umsatzziel und eine durchschnittliche Auftragsgröße ein.</translation>
    </message>
    <message>
      <source>Give each stage before the won stage a conversion rate (the share that reaches the next stage).</source>
      <translation>Geben Sie jeder Phase vor der Phase „Gewonnen“ eine Konversionsrate (den Anteil, der die nächste Phase erreicht).</translation>
    </message>
    <message>
      <source>MQLs followed up within the promise</source>
      <translation>MQLs, die innerhalb der Zusage bearbeitet wurden</translation>
    </message>
    <message>
      <source>Marketing-qualified leads</source>
      <translation>Marketing-qualifizierte Leads</translation>
    </message>
    <message>
      <source>MQLs never followed up</source>
      <translation>Nie bearbeitete MQLs</translation>
    </message>
    <message>
      <source>Median time to follow-up (in the promise's clock)</source>
      <translation>Median der Zeit bis zur Bearbeitung (in der Uhr der Zusage)</translation>
    </message>
    <message>
      <source>Leads sent back by sales</source>
      <translation>Vom Vertrieb zurückgegebene Leads</translation>
    </message>
    <message>
      <source>MQLs that became sales-qualified</source>
      <translation>MQLs, die vertriebsqualifiziert wurden</translation>
    </message>
    <message>
      <source>Pipeline created (deal amounts)</source>
      <translation>Geschaffene Pipeline (Deal-Beträge)</translation>
    </message>
    <message>
      <source>Revenue won (deal amounts)</source>
      <translation>Gewonnener Umsatz (Deal-Beträge)</translation>
    </message>
    <message>
      <source>Deals won</source>
      <translation>Gewonnene Deals</translation>
    </message>
    <message>
      <source>CRM id</source>
      <translation>CRM-ID</translation>
    </message>
    <message>
      <source>Marketing-qualified (MQL)</source>
      <translation>Marketing-qualifiziert (MQL)</translation>
    </message>
    <message>
      <source>First sales touch</source>
      <translation>Erster Vertriebskontakt</translation>
    </message>
    <message>
      <source>Campaign</source>
      <translation>Kampagne</translation>
    </message>
    <message>
      <source>Sent back (recycled)</source>
      <translation>Zurückgegeben (recycelt)</translation>
    </message>
    <message>
      <source>Reason sent back</source>
      <translation>Grund der Rückgabe</translation>
    </message>
    <message>
      <source>Sales-qualified</source>
      <translation>Vertriebsqualifiziert</translation>
    </message>
    <message>
      <source>Became an opportunity</source>
      <translation>Wurde zur Verkaufschance</translation>
    </message>
    <message>
      <source>Became a customer</source>
      <translation>Wurde Kunde</translation>
    </message>
    <message>
      <source>Lead or contact id</source>
      <translation>Lead- oder Kontakt-ID</translation>
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../src/studio/background_task.cpp" line="59"/>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
</context>
<context>
    <name>CatalogInstallDialog</name>
    <message>
        <location filename="../ui/cataloginstalldialog.ui" line="9"/>
        <source>Install Catalog</source>
        <translation>Katalog installieren</translation>
    </message>
    <message>
        <location filename="../ui/cataloginstalldialog.ui" line="14"/>
        <source>Reading the destination…</source>
        <translation>Ziel wird gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/cataloginstalldialog.ui" line="20"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../ui/cataloginstalldialog.ui" line="26"/>
        <source>What will run:</source>
        <translation>Was ausgeführt wird:</translation>
    </message>
    <message>
        <location filename="../ui/cataloginstalldialog.ui" line="33"/>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <location filename="../src/studio/cataloginstalldialog.cpp" line="27"/>
        <source>&amp;Install</source>
        <translation>&amp;Installieren</translation>
    </message>
    <message>
        <location filename="../src/studio/cataloginstalldialog.cpp" line="55"/>
        <source>The catalog in schema %1 is up to date; nothing to do.</source>
        <translation>Der Katalog im Schema %1 ist aktuell; nichts zu tun.</translation>
    </message>
    <message>
        <location filename="../src/studio/cataloginstalldialog.cpp" line="58"/>
        <source>Schema %1 holds the mimeo extension %2. Mimeo Studio adopts it as it is: mimeo&apos;s tables stay untouched and only Mimeo Studio&apos;s own tables are added beside them.</source>
        <translation>Schema %1 enthält die mimeo-Erweiterung %2. Mimeo Studio übernimmt sie, wie sie ist: Die Tabellen von mimeo bleiben unberührt, nur die eigenen Tabellen von Mimeo Studio kommen daneben hinzu.</translation>
    </message>
    <message>
        <location filename="../src/studio/cataloginstalldialog.cpp" line="62"/>
        <source>Schema %1 holds mimeo&apos;s tables; these steps add or upgrade Mimeo Studio&apos;s own tables beside them.</source>
        <translation>Schema %1 enthält die Tabellen von mimeo; diese Schritte legen die eigenen Tabellen von Mimeo Studio daneben an oder aktualisieren sie.</translation>
    </message>
    <message>
        <location filename="../src/studio/cataloginstalldialog.cpp" line="65"/>
        <source>These steps create the catalog in schema %1, in one transaction.</source>
        <translation>Diese Schritte legen den Katalog im Schema %1 in einer Transaktion an.</translation>
    </message>
    <message>
        <location filename="../src/studio/cataloginstalldialog.cpp" line="77"/>
        <source>The catalog cannot be installed here.</source>
        <translation>Der Katalog kann hier nicht installiert werden.</translation>
    </message>
    <message>
        <location filename="../src/studio/cataloginstalldialog.cpp" line="88"/>
        <source>Installing…</source>
        <translation>Wird installiert…</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/cataloginstalldialog.cpp" line="98"/>
        <source>Done: %n step(s) applied.</source>
        <translation>
            <numerusform>Fertig: %n Schritt ausgeführt.</numerusform>
            <numerusform>Fertig: %n Schritte ausgeführt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigDelegate</name>
    <message>
        <location filename="../src/studio/config_delegate.cpp" line="59"/>
        <source>%1: %2 as %3</source>
        <translation>%1: %2 als %3</translation>
    </message>
</context>
<context>
    <name>ConfigEditorPage</name>
    <message>
        <location filename="../ui/configeditor.ui" line="10"/>
        <source>Filter (any column)…</source>
        <translation>Filter (beliebige Spalte)…</translation>
    </message>
    <message>
        <location filename="../ui/configeditor.ui" line="12"/>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../ui/configeditor.ui" line="17"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/configeditor.ui" line="28"/>
        <source>Set &amp;Empty</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <location filename="../ui/configeditor.ui" line="29"/>
        <source>Set the current cell to NULL where the column allows it (Delete)</source>
        <translation>Die aktuelle Zelle auf NULL setzen, wo die Spalte es erlaubt (Entf)</translation>
    </message>
    <message>
        <location filename="../ui/configeditor.ui" line="34"/>
        <source>Re&amp;vert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/configeditor.ui" line="35"/>
        <source>Forget every edit that is not saved</source>
        <translation>Alle nicht gespeicherten Änderungen verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/configeditor.ui" line="40"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../ui/configeditor.ui" line="41"/>
        <source>Write the edited columns, in one transaction (Ctrl+S)</source>
        <translation>Die geänderten Spalten in einer Transaktion schreiben (Strg+S)</translation>
    </message>
    <message>
        <location filename="../ui/configeditor.ui" line="46"/>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <location filename="../ui/configeditor.ui" line="57"/>
        <source>Configured tables</source>
        <translation>Konfigurierte Tabellen</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="48"/>
        <source>Configuration – %1</source>
        <translation>Konfiguration – %1</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="74"/>
        <source>&amp;Refresh Now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="76"/>
        <source>&amp;New Replication…</source>
        <translation>&amp;Neue Replikation…</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="77"/>
        <source>&amp;Destroy Replication of %1…</source>
        <translation>Replikation von %1 &amp;entfernen…</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="82"/>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="101"/>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="148"/>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="148"/>
        <source>Forget the edits that are not saved and read the catalog again?</source>
        <translation>Nicht gespeicherte Änderungen verwerfen und den Katalog neu lesen?</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="152"/>
        <source>Reading the configuration…</source>
        <translation>Konfiguration wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/configeditorpage.cpp" line="167"/>
        <source>%n configured table(s).</source>
        <translation>
            <numerusform>%n konfigurierte Tabelle.</numerusform>
            <numerusform>%n konfigurierte Tabellen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="185"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/configeditorpage.cpp" line="204"/>
        <source>Saved %n table(s).</source>
        <translation>
            <numerusform>%n Tabelle gespeichert.</numerusform>
            <numerusform>%n Tabellen gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="215"/>
        <source>Nothing was saved: %1: %2</source>
        <translation>Nichts wurde gespeichert: %1: %2</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="221"/>
        <source>Nothing was saved: %1</source>
        <translation>Nichts wurde gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="248"/>
        <source>Edits reverted.</source>
        <translation>Änderungen verworfen.</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="285"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="288"/>
        <source>SQL added to the query on the source. For incremental types it must start with WHERE. Empty removes the condition.</source>
        <translation>SQL, das an die Abfrage auf der Quelle angehängt wird. Bei inkrementellen Typen muss es mit WHERE beginnen. Leer entfernt die Bedingung.</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="298"/>
        <source>One SQL statement per line, run on the destination after each snapshot refresh.</source>
        <translation>Eine SQL-Anweisung pro Zeile; läuft nach jeder Snapshot-Aktualisierung auf dem Ziel.</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="300"/>
        <source>One destination sequence per line (schema.sequence), reset after each refresh.</source>
        <translation>Eine Sequenz des Ziels pro Zeile (schema.sequenz); wird nach jeder Aktualisierung zurückgesetzt.</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="302"/>
        <source>One item per line.</source>
        <translation>Ein Eintrag pro Zeile.</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="319"/>
        <source>filter of %1</source>
        <translation>filter von %1</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="320"/>
        <source>Columns of %1 to replicate.</source>
        <translation>Zu replizierende Spalten von %1.</translation>
    </message>
</context>
<context>
    <name>ConfigTableModel</name>
    <message>
        <location filename="../src/studio/config_model.cpp" line="39"/>
        <source>Destination table (schema.table); identifies the row</source>
        <translation>Zieltabelle (schema.tabelle); kennzeichnet die Zeile</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="40"/>
        <source>Replication type</source>
        <translation>Replikationstyp</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="41"/>
        <source>Source (data_source_id in dblink_mapping_mimeo)</source>
        <translation>Quelle (data_source_id in dblink_mapping_mimeo)</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="42"/>
        <source>Source table or view (schema.table)</source>
        <translation>Quelltabelle oder -sicht (schema.tabelle)</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="43"/>
        <source>How often the scheduler refreshes it (interval); empty: never</source>
        <translation>Wie oft der Planer sie aktualisiert (Intervall); leer: nie</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="44"/>
        <source>Start of the last successful refresh</source>
        <translation>Beginn der letzten erfolgreichen Aktualisierung</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="45"/>
        <source>Rows per refresh (incremental, dml, logdel)</source>
        <translation>Zeilen pro Aktualisierung (inkrementell, dml, logdel)</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="46"/>
        <source>SQL appended to the source query (incremental: must start with WHERE)</source>
        <translation>An die Quellabfrage angehängtes SQL (inkrementell: muss mit WHERE beginnen)</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="47"/>
        <source>Only these source columns are replicated; empty: all</source>
        <translation>Nur diese Quellspalten werden repliziert; leer: alle</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="48"/>
        <source>A setting of the mimeo extension: whether its own refresh functions on this catalog log to pg_jobmon. Mimeo Studio and the mimeo command do not read it; they record every run in their own job log.</source>
        <translation>Eine Einstellung der mimeo-Erweiterung: ob deren eigene Aktualisierungsfunktionen auf diesem Katalog in pg_jobmon protokollieren. Mimeo Studio und der Befehl mimeo lesen sie nicht; sie halten jeden Lauf in ihrem eigenen Job-Protokoll fest.</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="52"/>
        <source>Control column (incremental) or queue table (dml, logdel)</source>
        <translation>Steuerspalte (inkrementell) oder Warteschlangentabelle (dml, logdel)</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="53"/>
        <source>How far behind the newest value a refresh stops</source>
        <translation>Wie weit hinter dem neuesten Wert eine Aktualisierung anhält</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="54"/>
        <source>Highest control value replicated so far</source>
        <translation>Höchster bisher replizierter Steuerwert</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="55"/>
        <source>Skip refreshes around the daylight saving change</source>
        <translation>Aktualisierungen um die Sommerzeitumstellung auslassen</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="56"/>
        <source>Start of the daylight saving window (HHMM)</source>
        <translation>Beginn des Sommerzeitfensters (HHMM)</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="57"/>
        <source>End of the daylight saving window (HHMM)</source>
        <translation>Ende des Sommerzeitfensters (HHMM)</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="58"/>
        <source>Skip the pull when the source&apos;s statistics show no change</source>
        <translation>Abruf auslassen, wenn die Statistik der Quelle keine Änderung zeigt</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="59"/>
        <source>SQL statements run after a snapshot refresh</source>
        <translation>SQL-Anweisungen, die nach einer Snapshot-Aktualisierung laufen</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="60"/>
        <source>TRUNCATE the destination with CASCADE</source>
        <translation>Das Ziel mit CASCADE leeren (TRUNCATE)</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="61"/>
        <source>Destination sequences reset after a refresh</source>
        <translation>Sequenzen des Ziels, die nach einer Aktualisierung zurückgesetzt werden</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="62"/>
        <source>A setting of the mimeo extension: whether its own refresh_dml on this catalog inserts each fetched batch before fetching the next. Mimeo Studio and the mimeo command do not read it.</source>
        <translation>Eine Einstellung der mimeo-Erweiterung: ob deren eigenes refresh_dml auf diesem Katalog jeden abgeholten Stapel einfügt, bevor es den nächsten abholt. Mimeo Studio und der Befehl mimeo lesen sie nicht.</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="210"/>
        <source>%1
Decides what a refresh reads and writes: to change it, destroy the replication and make it again.</source>
        <translation>%1
Bestimmt, was eine Aktualisierung liest und schreibt: Um es zu ändern, die Replikation entfernen und neu anlegen.</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="363"/>
        <source>%1 (extension)</source>
        <comment>a column only the mimeo extension reads</comment>
        <translation>%1 (Erweiterung)</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="66"/>
        <source>Key columns</source>
        <translation>Schlüsselspalten</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="67"/>
        <source>Types of the key columns</source>
        <translation>Typen der Schlüsselspalten</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="182"/>
        <source>edited</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="232"/>
        <source>%1 as %2</source>
        <translation>%1 als %2</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="211"/>
        <location filename="../src/studio/config_model.cpp" line="235"/>
        <source>NULL</source>
        <translation>NULL</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="355"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../src/studio/config_model.cpp" line="357"/>
        <source>Edited rows, and the server&apos;s error when a save failed</source>
        <translation>Geänderte Zeilen und der Fehler des Servers, wenn das Speichern scheiterte</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../ui/connectdialog.ui" line="9"/>
        <source>Add Destination</source>
        <translation>Ziel hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.ui" line="19"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.ui" line="26"/>
        <source>only if libpq cannot find one (~/.pgpass, service file)</source>
        <translation>nur wenn libpq keines findet (~/.pgpass, Dienstdatei)</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.ui" line="31"/>
        <source>Sa&amp;ve the password in the keychain</source>
        <translation>Passwort im Schlüsselbund &amp;speichern</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.ui" line="33"/>
        <source>Otherwise it is kept in memory until you quit. It is never written to a file.</source>
        <translation>Sonst bleibt es bis zum Beenden im Speicher. Es wird nie in eine Datei geschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.ui" line="38"/>
        <source>Catalog &amp;schema:</source>
        <translation>Katalog-&amp;Schema:</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.ui" line="53"/>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.ui" line="72"/>
        <location filename="../src/studio/connectdialog.cpp" line="92"/>
        <source>&amp;Install Catalog…</source>
        <translation>Katalog &amp;installieren…</translation>
    </message>
    <message>
        <location filename="../src/studio/connectdialog.cpp" line="23"/>
        <source>The password was taken out of the connection string; it is kept apart from it.</source>
        <translation>Das Passwort wurde aus der Verbindungszeichenkette genommen; es wird getrennt davon aufbewahrt.</translation>
    </message>
    <message>
        <location filename="../src/studio/connectdialog.cpp" line="28"/>
        <source>No keychain is available: the password is kept in memory until you quit.</source>
        <translation>Kein Schlüsselbund verfügbar: Das Passwort bleibt bis zum Beenden im Speicher.</translation>
    </message>
    <message>
        <location filename="../src/studio/connectdialog.cpp" line="73"/>
        <source>The catalog schema name is empty.</source>
        <translation>Der Name des Katalog-Schemas ist leer.</translation>
    </message>
    <message>
        <location filename="../src/studio/connectdialog.cpp" line="88"/>
        <source>&amp;Adopt mimeo Install…</source>
        <translation>mimeo-Installation &amp;übernehmen…</translation>
    </message>
    <message>
        <location filename="../src/studio/connectdialog.cpp" line="90"/>
        <source>&amp;Upgrade Catalog…</source>
        <translation>Katalog &amp;aktualisieren…</translation>
    </message>
    <message>
        <location filename="../src/studio/connectdialog.cpp" line="110"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../src/studio/connectdialog.cpp" line="128"/>
        <source>catalog in schema %1 is installed</source>
        <translation>Katalog im Schema %1 ist installiert</translation>
    </message>
    <message>
        <location filename="../src/studio/connectdialog.cpp" line="130"/>
        <source>the mimeo extension (%1) is installed in schema %2; Mimeo Studio can adopt it</source>
        <translation>die mimeo-Erweiterung (%1) ist im Schema %2 installiert; Mimeo Studio kann sie übernehmen</translation>
    </message>
    <message>
        <location filename="../src/studio/connectdialog.cpp" line="133"/>
        <source>mimeo catalog in schema %1 found; Mimeo Studio&apos;s tables not installed yet</source>
        <translation>mimeo-Katalog im Schema %1 gefunden; die Tabellen von Mimeo Studio sind noch nicht installiert</translation>
    </message>
    <message>
        <location filename="../src/studio/connectdialog.cpp" line="135"/>
        <source>catalog in schema %1 needs an upgrade</source>
        <translation>Katalog im Schema %1 muss aktualisiert werden</translation>
    </message>
    <message>
        <location filename="../src/studio/connectdialog.cpp" line="137"/>
        <source>schema %1 holds only part of mimeo&apos;s catalog</source>
        <translation>Schema %1 enthält nur einen Teil des mimeo-Katalogs</translation>
    </message>
    <message>
        <location filename="../src/studio/connectdialog.cpp" line="139"/>
        <source>no catalog in schema %1</source>
        <translation>kein Katalog im Schema %1</translation>
    </message>
    <message>
        <location filename="../src/studio/connectdialog.cpp" line="140"/>
        <source>Connected: PostgreSQL %1, %2; %3.</source>
        <translation>Verbunden: PostgreSQL %1, %2; %3.</translation>
    </message>
    <message>
        <location filename="../src/studio/connectdialog.cpp" line="141"/>
        <source>standby</source>
        <translation>Standby</translation>
    </message>
    <message>
        <location filename="../src/studio/connectdialog.cpp" line="141"/>
        <source>primary</source>
        <translation>Primärserver</translation>
    </message>
    <message>
        <location filename="../src/studio/connectdialog.cpp" line="148"/>
        <source>The server asks for a password: enter it above.
%1</source>
        <translation>Der Server verlangt ein Passwort: Bitte oben eingeben.
%1</translation>
    </message>
</context>
<context>
    <name>ConnectionFields</name>
    <message>
        <location filename="../ui/connectionfields.ui" line="14"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.ui" line="18"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.ui" line="24"/>
        <source>db.example.com (empty: local socket)</source>
        <translation>db.example.com (leer: lokaler Socket)</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.ui" line="29"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.ui" line="42"/>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.ui" line="51"/>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.ui" line="60"/>
        <source>SS&amp;L mode:</source>
        <translation>SS&amp;L-Modus:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.ui" line="69"/>
        <source>&amp;Root certificate:</source>
        <translation>&amp;Stammzertifikat:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.ui" line="77"/>
        <source>sslrootcert: CA file for verify-ca / verify-full</source>
        <translation>sslrootcert: CA-Datei für verify-ca / verify-full</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.ui" line="82"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.ui" line="83"/>
        <source>Choose the root certificate file</source>
        <translation>Datei des Stammzertifikats wählen</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.ui" line="91"/>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.ui" line="95"/>
        <source>Ser&amp;vice name:</source>
        <translation>&amp;Dienstname:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.ui" line="101"/>
        <source>A section of ~/.pg_service.conf or the system service file</source>
        <translation>Ein Abschnitt aus ~/.pg_service.conf oder der Dienstdatei des Systems</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.ui" line="107"/>
        <source>Connection String</source>
        <translation>Verbindungszeichenkette</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.ui" line="111"/>
        <source>&amp;Connection:</source>
        <translation>&amp;Verbindung:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.ui" line="117"/>
        <source>host=db.example dbname=warehouse user=mimeo   or   postgresql://…</source>
        <translation>host=db.example dbname=lager user=mimeo   oder   postgresql://…</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.ui" line="118"/>
        <source>A libpq connection string or URI. Empty uses libpq&apos;s defaults (PGHOST, PGSERVICE, ~/.pgpass…). A password in it is moved to the password field.</source>
        <translation>Eine libpq-Verbindungszeichenkette oder URI. Leer verwendet die Vorgaben von libpq (PGHOST, PGSERVICE, ~/.pgpass…). Ein enthaltenes Passwort wird in das Passwortfeld verschoben.</translation>
    </message>
    <message>
        <location filename="../src/studio/connectionfields.cpp" line="29"/>
        <source>Root Certificate</source>
        <translation>Stammzertifikat</translation>
    </message>
    <message>
        <location filename="../src/studio/connectionfields.cpp" line="30"/>
        <source>Certificates (*.crt *.pem);;All files (*)</source>
        <translation>Zertifikate (*.crt *.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../src/studio/connectionfields.cpp" line="162"/>
        <source>Enter the name of a service.</source>
        <translation>Bitte den Namen eines Dienstes eingeben.</translation>
    </message>
</context>
<context>
    <name>DestinationService</name>
    <message>
        <location filename="../src/studio/destination_service.cpp" line="32"/>
        <source>(libpq defaults)</source>
        <translation>(Vorgaben von libpq)</translation>
    </message>
    <message>
        <location filename="../src/studio/destination_service.cpp" line="50"/>
        <source>source %1</source>
        <translation>Quelle %1</translation>
    </message>
    <message>
        <location filename="../src/studio/destination_service.cpp" line="52"/>
        <source>source %1 (%2 as %3)</source>
        <translation>Quelle %1 (%2 als %3)</translation>
    </message>
    <message>
        <location filename="../src/studio/destination_service.cpp" line="59"/>
        <source>destination %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <location filename="../src/studio/destination_service.cpp" line="107"/>
        <source>%1 (schema %2)</source>
        <translation>%1 (Schema %2)</translation>
    </message>
</context>
<context>
    <name>DestroyDialog</name>
    <message>
        <location filename="../ui/destroydialog.ui" line="5"/>
        <source>Destroy Replication</source>
        <translation>Replikation entfernen</translation>
    </message>
    <message>
        <location filename="../ui/destroydialog.ui" line="15"/>
        <source>&amp;Keep the destination table: its rows stay, it is no longer refreshed</source>
        <translation>Zieltabelle &amp;behalten: Ihre Zeilen bleiben, sie wird nicht mehr aktualisiert</translation>
    </message>
    <message>
        <location filename="../ui/destroydialog.ui" line="21"/>
        <source>&amp;Drop the destination table and its rows</source>
        <translation>Zieltabelle samt ihren Zeilen &amp;löschen</translation>
    </message>
    <message>
        <location filename="../ui/destroydialog.ui" line="32"/>
        <source>SQL on the destination</source>
        <translation>SQL auf dem Ziel</translation>
    </message>
    <message>
        <location filename="../ui/destroydialog.ui" line="38"/>
        <source>SQL on the source</source>
        <translation>SQL auf der Quelle</translation>
    </message>
    <message>
        <location filename="../src/studio/destroydialog.cpp" line="28"/>
        <source>Destroy Replication – %1</source>
        <translation>Replikation entfernen – %1</translation>
    </message>
    <message>
        <location filename="../src/studio/destroydialog.cpp" line="29"/>
        <source>&amp;Destroy</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../src/studio/destroydialog.cpp" line="42"/>
        <source>Stop replicating %1 (type %2, from %3 on source %4). Its row leaves the catalog.</source>
        <translation>Die Replikation von %1 beenden (Typ %2, aus %3 auf Quelle %4). Ihre Zeile wird aus dem Katalog entfernt.</translation>
    </message>
    <message>
        <location filename="../src/studio/destroydialog.cpp" line="48"/>
        <source>On the source, the trigger on %1, its trigger function and the queue table are removed, with any changes still queued. The source&apos;s role must own %1 (or be a member of its owner) to drop the trigger; otherwise the destroy stops and names the statements for the owner to run.</source>
        <translation>Auf der Quelle werden der Trigger auf %1, seine Triggerfunktion und die Warteschlangentabelle entfernt, samt aller Änderungen, die noch in der Warteschlange stehen. Die Rolle der Quelle muss Eigentümerin von %1 sein (oder Mitglied der Eigentümerrolle), um den Trigger zu löschen; andernfalls bricht das Entfernen ab und nennt die Anweisungen, die der Eigentümer ausführen muss.</translation>
    </message>
    <message>
        <location filename="../src/studio/destroydialog.cpp" line="52"/>
        <source>Nothing is changed on the source.</source>
        <translation>Auf der Quelle wird nichts geändert.</translation>
    </message>
    <message>
        <location filename="../src/studio/destroydialog.cpp" line="91"/>
        <source>Rehearsing the destroy…</source>
        <translation>Probelauf des Entfernens…</translation>
    </message>
    <message>
        <location filename="../src/studio/destroydialog.cpp" line="108"/>
        <source>This is what Destroy runs (a rehearsal: nothing was changed).</source>
        <translation>Dies führt das Entfernen aus (ein Probelauf: Nichts wurde geändert).</translation>
    </message>
    <message>
        <location filename="../src/studio/destroydialog.cpp" line="111"/>
        <source>The destroy would fail: %1</source>
        <translation>Das Entfernen würde fehlschlagen: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/destroydialog.cpp" line="124"/>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <location filename="../src/studio/destroydialog.cpp" line="125"/>
        <source>Destroying %1…</source>
        <translation>%1 wird entfernt…</translation>
    </message>
    <message>
        <location filename="../src/studio/destroydialog.cpp" line="133"/>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <location filename="../src/studio/destroydialog.cpp" line="145"/>
        <source>Another process holds %1; nothing was destroyed.</source>
        <translation>Ein anderer Prozess hält %1 gesperrt; nichts wurde entfernt.</translation>
    </message>
    <message>
        <location filename="../src/studio/destroydialog.cpp" line="147"/>
        <source>Destroyed: %1</source>
        <translation>Entfernt: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/destroydialog.cpp" line="150"/>
        <source>Stopped: nothing was destroyed.</source>
        <translation>Abgebrochen: Nichts wurde entfernt.</translation>
    </message>
    <message>
        <location filename="../src/studio/destroydialog.cpp" line="151"/>
        <source>The destroy failed and nothing was changed: %1</source>
        <translation>Das Entfernen ist fehlgeschlagen, nichts wurde geändert: %1</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../src/studio/monitor/history_model.cpp" line="29"/>
        <source>+%1 ~%2 −%3</source>
        <comment>rows inserted, updated, deleted</comment>
        <translation>+%1 ~%2 −%3</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/history_model.cpp" line="38"/>
        <source>%1 inserted, %2 updated, %3 deleted</source>
        <translation>%1 eingefügt, %2 geändert, %3 gelöscht</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/history_model.cpp" line="112"/>
        <source>Rows the refresh inserted (+), updated (~) and deleted (−), where the engine counts them</source>
        <translation>Zeilen, die die Aktualisierung eingefügt (+), geändert (~) und gelöscht (−) hat, wo die Engine sie zählt</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/history_model.cpp" line="116"/>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/history_model.cpp" line="117"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/history_model.cpp" line="118"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/history_model.cpp" line="119"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/history_model.cpp" line="120"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/history_model.cpp" line="121"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/history_model.cpp" line="122"/>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/history_model.cpp" line="123"/>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/history_model.cpp" line="124"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/history_model.cpp" line="125"/>
        <source>Error or reason</source>
        <translation>Fehler oder Grund</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../ui/historypage.ui" line="10"/>
        <source>&amp;Table:</source>
        <translation>&amp;Tabelle:</translation>
    </message>
    <message>
        <location filename="../ui/historypage.ui" line="16"/>
        <source>part of the name</source>
        <translation>Teil des Namens</translation>
    </message>
    <message>
        <location filename="../ui/historypage.ui" line="22"/>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../ui/historypage.ui" line="29"/>
        <source>&amp;Origin:</source>
        <translation>Her&amp;kunft:</translation>
    </message>
    <message>
        <location filename="../ui/historypage.ui" line="36"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location filename="../ui/historypage.ui" line="47"/>
        <source>S&amp;ince:</source>
        <translation>S&amp;eit:</translation>
    </message>
    <message>
        <location filename="../ui/historypage.ui" line="54"/>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/historypage.cpp" line="19"/>
        <source>History – %1</source>
        <translation>Verlauf – %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/historypage.cpp" line="36"/>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/historypage.cpp" line="39"/>
        <source>Anywhere</source>
        <translation>Überall</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/historypage.cpp" line="40"/>
        <source>This application</source>
        <translation>Diese Anwendung</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/historypage.cpp" line="41"/>
        <source>Command line (mimeo)</source>
        <translation>Befehlszeile (mimeo)</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/historypage.cpp" line="42"/>
        <source>Ever</source>
        <translation>Immer</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/historypage.cpp" line="43"/>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/historypage.cpp" line="44"/>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/historypage.cpp" line="45"/>
        <source>Last week</source>
        <translation>Letzte Woche</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/historypage.cpp" line="58"/>
        <source>No job matches.</source>
        <translation>Kein Auftrag passt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/monitor/historypage.cpp" line="58"/>
        <source>%n job(s) shown; scroll for older ones.</source>
        <translation>
            <numerusform>%n Auftrag angezeigt; für ältere weiterblättern.</numerusform>
            <numerusform>%n Aufträge angezeigt; für ältere weiterblättern.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/historypage.cpp" line="91"/>
        <source>Reading the job log…</source>
        <translation>Das Auftragsprotokoll wird gelesen…</translation>
    </message>
</context>
<context>
    <name>JobDetailsDialog</name>
    <message>
        <location filename="../ui/jobdetailsdialog.ui" line="29"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/jobdetailsdialog.ui" line="30"/>
        <source>At</source>
        <translation>Um</translation>
    </message>
    <message>
        <location filename="../ui/jobdetailsdialog.ui" line="31"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/jobdetailsdialog.ui" line="32"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/jobdetailsdialog.cpp" line="24"/>
        <source>Rows: %1</source>
        <translation>Zeilen: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/jobdetailsdialog.cpp" line="24"/>
        <source>Rows: %1 (%2)</source>
        <translation>Zeilen: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/jobdetailsdialog.cpp" line="34"/>
        <source>Job %1 – %2</source>
        <translation>Auftrag %1 – %2</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/jobdetailsdialog.cpp" line="35"/>
        <source>&lt;b&gt;%1&lt;/b&gt; of %2 (%3): &lt;b&gt;%4&lt;/b&gt;&lt;br&gt;started %5%6 by %7%8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; von %2 (%3): &lt;b&gt;%4&lt;/b&gt;&lt;br&gt;begonnen %5%6 durch %7%8</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/jobdetailsdialog.cpp" line="39"/>
        <source>, finished %1</source>
        <translation>, beendet %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/jobdetailsdialog.cpp" line="41"/>
        <source> on %1</source>
        <translation> auf %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/jobdetailsdialog.cpp" line="44"/>
        <source>&lt;b&gt;Error&lt;/b&gt; on the %1%2: %3</source>
        <translation>&lt;b&gt;Fehler&lt;/b&gt; auf dem Server (%1)%2: %3</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/jobdetailsdialog.cpp" line="46"/>
        <source>, SQLSTATE %1</source>
        <translation>, SQLSTATE %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/jobdetailsdialog.cpp" line="50"/>
        <source>&lt;b&gt;What to do:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Was zu tun ist:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/jobdetailsdialog.cpp" line="52"/>
        <source>&lt;b&gt;Reason:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Grund:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/jobdetailsdialog.cpp" line="70"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>JobService</name>
    <message>
        <location filename="../src/studio/jobs/job_service.cpp" line="52"/>
        <source>queued</source>
        <translation>wartend</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service.cpp" line="53"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service.cpp" line="54"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service.cpp" line="55"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service.cpp" line="56"/>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service.cpp" line="57"/>
        <source>busy</source>
        <translation>belegt</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service.cpp" line="58"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service.cpp" line="59"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service.cpp" line="67"/>
        <source>refresh</source>
        <translation>Aktualisierung</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service.cpp" line="68"/>
        <source>full re-pull</source>
        <translation>vollständiges Neuladen</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service.cpp" line="69"/>
        <source>scheduled refresh</source>
        <translation>geplante Aktualisierung</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service.cpp" line="70"/>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service.cpp" line="71"/>
        <source>row repair</source>
        <translation>Zeilenreparatur</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service.cpp" line="189"/>
        <source>The destination was removed.</source>
        <translation>Das Ziel wurde entfernt.</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service_runner.cpp" line="66"/>
        <source>Could not hand the job to the runner: %1</source>
        <translation>Der Auftrag konnte nicht an den Runner übergeben werden: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service_runner.cpp" line="96"/>
        <source>The request vanished from the catalog.</source>
        <translation>Die Anfrage ist aus dem Katalog verschwunden.</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service_runner.cpp" line="105"/>
        <source>Could not read the request: %1</source>
        <translation>Die Anfrage konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service_runner.cpp" line="206"/>
        <source>No runner is alive to carry it out: none serves %1 any more. Start mimeo serve near the databases, or run %2 on this computer (Destination ▸ Run on the Server&apos;s Runner When One Serves).</source>
        <translation>Kein laufender Runner kann ihn ausführen: Für %1 läuft keiner mehr. Starten Sie mimeo serve in der Nähe der Datenbanken, oder führen Sie „%2“ auf diesem Computer aus (Ziel ▸ Aufträge auf dem Runner des Servers ausführen, wenn einer bereitsteht).</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service_runner.cpp" line="239"/>
        <source>Could not ask the runner to cancel: %1</source>
        <translation>Der Runner konnte nicht um den Abbruch gebeten werden: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service.cpp" line="231"/>
        <source>Cancelled: the destination is as it was.</source>
        <translation>Abgebrochen: das Ziel ist unverändert.</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/job_service.cpp" line="285"/>
        <location filename="../src/studio/jobs/job_service.cpp" line="304"/>
        <source>Cancelled before it started.</source>
        <translation>Abgebrochen, bevor sie begann.</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/check_work.cpp" line="39"/>
        <source>validation failed: %1</source>
        <translation>Validierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/check_work.cpp" line="42"/>
        <source>validated: %1 rows equal</source>
        <translation>validiert: %1 Zeilen gleich</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/check_work.cpp" line="43"/>
        <source>validated: %1 rows on both sides (counted, not compared)</source>
        <translation>validiert: %1 Zeilen auf beiden Seiten (gezählt, nicht verglichen)</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/check_work.cpp" line="45"/>
        <source>row counts differ: %1 on the source, %2 on the destination</source>
        <translation>Zeilenzahlen weichen ab: %1 in der Quelle, %2 im Ziel</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/check_work.cpp" line="47"/>
        <source>differing rows: %1 (%2 missing, %3 extra, %4 different)</source>
        <translation>abweichende Zeilen: %1 (%2 fehlen, %3 überzählig, %4 verschieden)</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/check_work.cpp" line="83"/>
        <source>%1; then %2</source>
        <translation>%1; danach %2</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/check_work.cpp" line="84"/>
        <source>nothing to repair: %1</source>
        <translation>nichts zu reparieren: %1</translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="16"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="17"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="47"/>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="48"/>
        <source>destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="49"/>
        <source>application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="50"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="51"/>
        <source>%1, SQLSTATE %2: %3</source>
        <translation>%1, SQLSTATE %2: %3</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="77"/>
        <source>%1 (%2) in %3</source>
        <translation>%1 (%2) in %3</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="101"/>
        <source>%1 on the server&apos;s runner</source>
        <translation>%1 auf dem Runner des Servers</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="102"/>
        <source>%1 on runner %2</source>
        <translation>%1 auf Runner %2</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="108"/>
        <source>waiting for a runner</source>
        <translation>wartet auf einen Runner</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="114"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="119"/>
        <source>%1 rows/s, %2</source>
        <translation>%1 Zeilen/s, %2</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="122"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="133"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="134"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="135"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="136"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="137"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="138"/>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="139"/>
        <source>Elapsed</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="140"/>
        <source>Left</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_model.cpp" line="142"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../ui/jobspanel.ui" line="21"/>
        <source>&amp;At once:</source>
        <translation>&amp;Gleichzeitig:</translation>
    </message>
    <message>
        <location filename="../ui/jobspanel.ui" line="29"/>
        <source>How many refreshes run at the same time, each with its own connections</source>
        <translation>Wie viele Aktualisierungen gleichzeitig laufen, jede mit eigenen Verbindungen</translation>
    </message>
    <message>
        <location filename="../ui/jobspanel.ui" line="40"/>
        <source>&amp;Wait for the Lock</source>
        <translation>Auf die Sperre &amp;warten</translation>
    </message>
    <message>
        <location filename="../ui/jobspanel.ui" line="41"/>
        <source>Queue the selected busy table again, to start when the other process lets go of it</source>
        <translation>Die gewählte belegte Tabelle erneut einreihen; sie beginnt, sobald der andere Prozess sie freigibt</translation>
    </message>
    <message>
        <location filename="../ui/jobspanel.ui" line="46"/>
        <source>Cancel A&amp;ll</source>
        <translation>&amp;Alle abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/jobspanel.ui" line="51"/>
        <source>Clear &amp;Finished</source>
        <translation>&amp;Beendete entfernen</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_panel.cpp" line="52"/>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_panel.cpp" line="67"/>
        <source>No job running.</source>
        <translation>Kein Auftrag läuft.</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_panel.cpp" line="69"/>
        <source>%1 running, %2 queued</source>
        <translation>%1 laufen, %2 warten</translation>
    </message>
    <message>
        <location filename="../src/studio/jobs/jobs_panel.cpp" line="71"/>
        <source>%1 running, %2 queued, %3 on a runner</source>
        <translation>%1 laufen, %2 warten, %3 auf einem Runner</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.ui" line="9"/>
        <source>Mimeo Studio</source>
        <translation>Mimeo Studio</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="26"/>
        <source>Destinations</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="33"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="37"/>
        <source>Add a destination database to begin (File ▸ Add Destination…). Double-click a destination to edit its refresh configuration, its sources to manage them, or its roles to give people access.</source>
        <translation>Fügen Sie zu Beginn eine Zieldatenbank hinzu (Datei ▸ Ziel hinzufügen…). Ein Doppelklick auf ein Ziel öffnet seine Aktualisierungskonfiguration, einer auf seine Quellen deren Verwaltung, einer auf seine Rollen die Vergabe von Zugriffsrechten.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="49"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="58"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="68"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="73"/>
        <source>&amp;Destination</source>
        <translation>&amp;Ziel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="75"/>
        <source>Run on the Server&apos;s R&amp;unner When One Serves</source>
        <translation>&amp;Aufträge auf dem Runner des Servers ausführen, wenn einer bereitsteht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="76"/>
        <source>Which jobs go to a runner of the catalog (mimeo serve) when one is alive, so the rows move between the servers and not through this computer</source>
        <translation>Welche Aufträge an einen Runner des Katalogs (mimeo serve) gehen, wenn einer läuft: So wandern die Zeilen zwischen den Servern und nicht über diesen Computer</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="101"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="110"/>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="132"/>
        <source>&amp;Add Destination…</source>
        <translation>Ziel &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="133"/>
        <source>Connect to a destination database</source>
        <translation>Mit einer Zieldatenbank verbinden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="134"/>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="137"/>
        <source>&amp;Edit Destination…</source>
        <translation>Ziel &amp;bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="138"/>
        <source>Change how the selected destination is reached</source>
        <translation>Ändern, wie das gewählte Ziel erreicht wird</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="141"/>
        <source>Re&amp;move Destination</source>
        <translation>Ziel &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="142"/>
        <source>Forget the selected destination and its saved password (the database is not touched)</source>
        <translation>Das gewählte Ziel und sein gespeichertes Passwort vergessen (die Datenbank bleibt unberührt)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="145"/>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="146"/>
        <source>Read sources and tables again from every destination</source>
        <translation>Quellen und Tabellen aller Ziele neu lesen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="147"/>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="150"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="151"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="154"/>
        <source>&amp;Save Configuration</source>
        <translation>Konfiguration &amp;speichern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="155"/>
        <source>Write the edited columns of the configuration editor</source>
        <translation>Die geänderten Spalten des Konfigurationseditors schreiben</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="156"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="159"/>
        <source>Re&amp;vert Configuration</source>
        <translation>Konfiguration &amp;verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="160"/>
        <source>Forget the edits that are not saved</source>
        <translation>Die nicht gespeicherten Änderungen verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="163"/>
        <source>&amp;Configuration</source>
        <translation>&amp;Konfiguration</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="164"/>
        <source>Edit the refresh configuration of the selected destination</source>
        <translation>Die Aktualisierungskonfiguration des gewählten Ziels bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="165"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="168"/>
        <source>S&amp;ources</source>
        <translation>&amp;Quellen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="169"/>
        <source>Manage the source databases of the selected destination</source>
        <translation>Die Quelldatenbanken des gewählten Ziels verwalten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="170"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="173"/>
        <source>&amp;Roles</source>
        <translation>&amp;Rollen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="174"/>
        <source>Make login roles monitors or operators of the selected destination&apos;s catalog</source>
        <translation>Login-Rollen zu Beobachtern oder Operatoren des Katalogs des ausgewählten Ziels machen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="175"/>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="178"/>
        <source>&amp;Install or Upgrade Catalog…</source>
        <translation>Katalog &amp;installieren oder aktualisieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="179"/>
        <source>Create the catalog, upgrade it, or adopt an existing mimeo extension install</source>
        <translation>Den Katalog anlegen, aktualisieren oder eine bestehende Installation der mimeo-Erweiterung übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="182"/>
        <source>&amp;New Replication…</source>
        <translation>&amp;Neue Replikation…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="183"/>
        <source>Set up the replication of a source table into the selected destination</source>
        <translation>Die Replikation einer Quelltabelle in das gewählte Ziel einrichten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="184"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="187"/>
        <source>&amp;Destroy Replication…</source>
        <translation>Replikation &amp;entfernen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="188"/>
        <source>Stop replicating the selected table: keep or drop it, and remove what it uses on the source</source>
        <translation>Die Replikation der gewählten Tabelle beenden: die Tabelle behalten oder löschen und entfernen, was sie auf der Quelle verwendet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="191"/>
        <location filename="../src/studio/mainwindow.cpp" line="779"/>
        <source>Refresh No&amp;w</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="200"/>
        <source>Refresh All D&amp;ue</source>
        <translation>Alle &amp;fälligen aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="211"/>
        <source>&amp;Refresh Now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="212"/>
        <source>Refresh Now goes to the server&apos;s runner when one is alive; unchecked, it runs on this computer</source>
        <translation>„Jetzt aktualisieren“ geht an den Runner des Servers, wenn einer läuft; abgewählt läuft es auf diesem Computer</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="217"/>
        <source>&amp;Full Re-pull</source>
        <translation>&amp;Vollständig neu laden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="218"/>
        <source>Full Re-pull goes to the server&apos;s runner when one is alive; unchecked, it runs on this computer</source>
        <translation>„Vollständig neu laden“ geht an den Runner des Servers, wenn einer läuft; abgewählt läuft es auf diesem Computer</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="223"/>
        <source>&amp;Validate</source>
        <translation>Va&amp;lidieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="224"/>
        <source>Validate goes to the server&apos;s runner when one is alive; unchecked, it runs on this computer (Repair always runs here)</source>
        <translation>„Validieren“ geht an den Runner des Servers, wenn einer läuft; abgewählt läuft es auf diesem Computer („Reparieren“ läuft immer hier)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="192"/>
        <source>Refresh the selected tables in the background</source>
        <translation>Die gewählten Tabellen im Hintergrund aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="193"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="196"/>
        <location filename="../src/studio/mainwindow.cpp" line="780"/>
        <source>&amp;Full Re-pull…</source>
        <translation>&amp;Vollständig neu laden…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="197"/>
        <source>Pull every row of the selected tables again</source>
        <translation>Alle Zeilen der gewählten Tabellen neu laden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="201"/>
        <source>Refresh every table whose period has passed, as mimeo run does</source>
        <translation>Jede Tabelle aktualisieren, deren Intervall abgelaufen ist, wie mimeo run</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="205"/>
        <source>Run the &amp;Schedule While Open</source>
        <translation>&amp;Zeitplan ausführen, solange geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="206"/>
        <source>Refresh due tables every minute while the application is open, with the same rule and locks as mimeo run</source>
        <translation>Fällige Tabellen jede Minute aktualisieren, solange die Anwendung geöffnet ist, mit derselben Regel und denselben Sperren wie mimeo run</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="228"/>
        <source>No&amp;tify When Tables Fail</source>
        <translation>Bei Fehlern &amp;benachrichtigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="229"/>
        <source>A desktop notification when a table of the selected destination fails or turns critical (off by default)</source>
        <translation>Eine Desktop-Benachrichtigung, wenn eine Tabelle des gewählten Ziels fehlschlägt oder kritisch wird (standardmäßig aus)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="232"/>
        <source>&amp;Monitor</source>
        <translation>&amp;Überwachung</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="233"/>
        <source>The health of every table of the selected destination, live</source>
        <translation>Der Zustand jeder Tabelle des gewählten Ziels, laufend aktualisiert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="234"/>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="237"/>
        <source>&amp;History</source>
        <translation>Ver&amp;lauf</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="238"/>
        <source>Every job of the selected destination from the job log, the command line&apos;s too</source>
        <translation>Jeder Auftrag des gewählten Ziels aus dem Auftragsprotokoll, auch die der Befehlszeile</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="239"/>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="242"/>
        <source>&amp;About Mimeo Studio</source>
        <translation>&amp;Über Mimeo Studio</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="315"/>
        <location filename="../src/studio/mainwindow.cpp" line="348"/>
        <source>(libpq defaults)</source>
        <translation>(Vorgaben von libpq)</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="171"/>
        <source>No keychain is available (%1). Passwords are asked for when needed and kept in memory until you quit; they are never written to disk.</source>
        <translation>Kein Schlüsselbund verfügbar (%1). Passwörter werden bei Bedarf abgefragt und bis zum Beenden im Speicher gehalten; sie werden nie auf die Platte geschrieben.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="62"/>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="89"/>
        <source>%1 of %2: %3 %4</source>
        <translation>%1 von %2: %3 %4</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="121"/>
        <source>Select a replicated table first (in the navigator or the configuration editor).</source>
        <translation>Wählen Sie zuerst eine replizierte Tabelle aus (im Navigator oder im Konfigurationseditor).</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="173"/>
        <source>No keychain: passwords kept in memory only</source>
        <translation>Kein Schlüsselbund: Passwörter nur im Speicher</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="264"/>
        <source>Edit Destination</source>
        <translation>Ziel bearbeiten</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="279"/>
        <source>Remove Destination</source>
        <translation>Ziel entfernen</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="280"/>
        <source>Forget %1 and its saved password? The database and its catalog are not touched.</source>
        <translation>%1 und das gespeicherte Passwort vergessen? Die Datenbank und ihr Katalog bleiben unberührt.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="297"/>
        <source>%1 is removed once its jobs have ended.</source>
        <translation>%1 wird entfernt, sobald seine Aufträge zu Ende sind.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="318"/>
        <source>Removed destination %1</source>
        <translation>Ziel %1 entfernt</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="338"/>
        <source>A runner serves %1: Refresh Now, Full Re-pull and Validate go to it.</source>
        <translation>Ein Runner bedient %1: „Jetzt aktualisieren“, „Vollständig neu laden“ und „Validieren“ gehen an ihn.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="346"/>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="348"/>
        <source>Reading destination %1</source>
        <translation>Lese Ziel %1</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="349"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="357"/>
        <source>Connected to %1: PostgreSQL %2, %3 sources, %4 tables</source>
        <translation>Verbunden mit %1: PostgreSQL %2, %3 Quellen, %4 Tabellen</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="361"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="373"/>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="374"/>
        <source>Connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/mainwindow.cpp" line="430"/>
        <source>%n source(s) of %1 keep their password in plain text in %2.dblink_mapping_mimeo (pwd or inside data_source).</source>
        <translation>
            <numerusform>%n Quelle von %1 hält ihr Passwort im Klartext in %2.dblink_mapping_mimeo (pwd oder in data_source).</numerusform>
            <numerusform>%n Quellen von %1 halten ihr Passwort im Klartext in %2.dblink_mapping_mimeo (pwd oder in data_source).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/mainwindow.cpp" line="440"/>
        <source>%n source(s) of %1 keep their password in plain text in the catalog (dblink_mapping_mimeo.pwd, or password=... inside data_source), as the mimeo extension allows.

Move them into the keychain and out of the catalog? The mimeo command on servers and the mimeo extension itself then need ~/.pgpass or another libpq means to reach those sources.</source>
        <translation>
            <numerusform>%n Quelle von %1 hält ihr Passwort im Klartext im Katalog (dblink_mapping_mimeo.pwd oder password=... in data_source), wie es die mimeo-Erweiterung erlaubt.

In den Schlüsselbund und aus dem Katalog verschieben? Der Befehl mimeo auf Servern und die mimeo-Erweiterung selbst brauchen dann ~/.pgpass oder ein anderes Mittel von libpq, um diese Quelle zu erreichen.</numerusform>
            <numerusform>%n Quellen von %1 halten ihr Passwort im Klartext im Katalog (dblink_mapping_mimeo.pwd oder password=... in data_source), wie es die mimeo-Erweiterung erlaubt.

In den Schlüsselbund und aus dem Katalog verschieben? Der Befehl mimeo auf Servern und die mimeo-Erweiterung selbst brauchen dann ~/.pgpass oder ein anderes Mittel von libpq, um diese Quellen zu erreichen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="688"/>
        <source>A full re-pull of

%1

%2 Run it now?</source>
        <translation>Vollständiges Neuladen von

%1

%2 Jetzt ausführen?</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="435"/>
        <source>No keychain is available, so those passwords stay where they are.</source>
        <translation>Kein Schlüsselbund verfügbar, daher bleiben diese Passwörter, wo sie sind.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="439"/>
        <source>Move Passwords to the Keychain</source>
        <translation>Passwörter in den Schlüsselbund verschieben</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="447"/>
        <source>The passwords stay in the catalog.</source>
        <translation>Die Passwörter bleiben im Katalog.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="454"/>
        <source>Moving passwords stopped: %1</source>
        <translation>Verschieben der Passwörter abgebrochen: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/mainwindow.cpp" line="455"/>
        <source>%n password(s) moved to the keychain.</source>
        <translation>
            <numerusform>%n Passwort in den Schlüsselbund verschoben.</numerusform>
            <numerusform>%n Passwörter in den Schlüsselbund verschoben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="467"/>
        <source>The destination is not loaded yet.</source>
        <translation>Das Ziel ist noch nicht geladen.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="413"/>
        <source>Roles of %1: %2</source>
        <translation>Rollen von %1: %2</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="534"/>
        <source>Made the replication of %1 in %2.</source>
        <translation>Replikation von %1 in %2 eingerichtet.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="554"/>
        <source>Destroyed the replication of %1 in %2.</source>
        <translation>Replikation von %1 in %2 entfernt.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="585"/>
        <source>Select replicated tables first (in the navigator or the configuration editor).</source>
        <translation>Zuerst replizierte Tabellen wählen (im Navigator oder im Konfigurationseditor).</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="628"/>
        <source>No runner serves %1: jobs run on this computer.</source>
        <translation>Kein Runner bedient %1: Aufträge laufen auf diesem Computer.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="668"/>
        <source>copies every row again, as each of its refreshes does</source>
        <translation>kopiert alle Zeilen erneut, wie jede ihrer Aktualisierungen</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="670"/>
        <source>empties it (TRUNCATE: readers wait until it is done) and pulls every row up to the boundary again</source>
        <translation>leert sie (TRUNCATE: Lesende warten, bis es fertig ist) und lädt alle Zeilen bis zur Grenze neu</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="672"/>
        <source>empties it, pulls every row again and clears the queue on the source; rows it kept as deleted are gone</source>
        <translation>leert sie, lädt alle Zeilen neu und leert die Warteschlange auf der Quelle; als gelöscht behaltene Zeilen gehen verloren</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="674"/>
        <source>empties it, pulls every row again and clears the queue on the source</source>
        <translation>leert sie, lädt alle Zeilen neu und leert die Warteschlange auf der Quelle</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="675"/>
        <source>%1 (%2): %3.</source>
        <translation>%1 (%2): %3.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="678"/>
        <source>It runs on this computer: every row passes through it.</source>
        <translation>Es läuft auf diesem Computer: Jede Zeile geht durch ihn hindurch.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="685"/>
        <source>It runs on the server&apos;s runner (%1): the rows move between the servers.</source>
        <translation>Es läuft auf dem Runner des Servers (%1): Die Zeilen wandern zwischen den Servern.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="687"/>
        <source>Full Re-pull</source>
        <translation>Vollständig neu laden</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/mainwindow.cpp" line="719"/>
        <source>%n due table(s) queued.</source>
        <translation>
            <numerusform>%n fällige Tabelle eingereiht.</numerusform>
            <numerusform>%n fällige Tabellen eingereiht.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="720"/>
        <source>Could not list the due tables: %1</source>
        <translation>Die fälligen Tabellen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="737"/>
        <source>Jobs Running</source>
        <translation>Laufende Aufträge</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/mainwindow.cpp" line="738"/>
        <source>%n job(s) are queued or running. Cancel them (the servers stop at once and the tables stay as they were), or wait for them to finish?</source>
        <translation>
            <numerusform>%n Auftrag wartet oder läuft. Abbrechen (die Server hören sofort auf, die Tabellen bleiben, wie sie waren) oder auf das Ende warten?</numerusform>
            <numerusform>%n Aufträge warten oder laufen. Abbrechen (die Server hören sofort auf, die Tabellen bleiben, wie sie waren) oder auf das Ende warten?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="742"/>
        <source>Cancel the Jobs</source>
        <translation>Aufträge abbrechen</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="743"/>
        <source>Wait for Them</source>
        <translation>Darauf warten</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="774"/>
        <source>&amp;New Replication from Source %1…</source>
        <translation>&amp;Neue Replikation aus Quelle %1…</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="781"/>
        <source>&amp;History of %1</source>
        <translation>Ver&amp;lauf von %1</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="785"/>
        <source>Open in the &amp;Configuration Editor</source>
        <translation>Im &amp;Konfigurationseditor öffnen</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="798"/>
        <source>&amp;New Replication of %1…</source>
        <translation>&amp;Neue Replikation von %1…</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="798"/>
        <source>a Source Table</source>
        <translation>einer Quelltabelle</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="800"/>
        <source>&amp;Destroy Replication of %1…</source>
        <translation>Replikation von %1 &amp;entfernen…</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="824"/>
        <source>Catalog of %1 installed or upgraded.</source>
        <translation>Katalog von %1 installiert oder aktualisiert.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="837"/>
        <source>About Mimeo Studio</source>
        <translation>Über Mimeo Studio</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="838"/>
        <source>&lt;h3&gt;Mimeo Studio %1&lt;/h3&gt;&lt;p&gt;Per-table PostgreSQL replication: snapshot, table, incremental, dml and logdel, compatible with the mimeo extension&apos;s catalog.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Mimeo Studio %1&lt;/h3&gt;&lt;p&gt;Tabellenweise PostgreSQL-Replikation: Snapshot, Tabelle, inkrementell, dml und logdel, kompatibel mit dem Katalog der mimeo-Erweiterung.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="879"/>
        <source>Unsaved Changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="880"/>
        <source>The configuration of %1 has edits that are not saved. Quit anyway?</source>
        <translation>Die Konfiguration von %1 hat nicht gespeicherte Änderungen. Trotzdem beenden?</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="908"/>
        <source>Quitting once the jobs have ended…</source>
        <translation>Beenden, sobald die Aufträge zu Ende sind…</translation>
    </message>
</context>
<context>
    <name>MakeWizard</name>
    <message>
        <location filename="../src/studio/wizard/make_wizard.cpp" line="19"/>
        <source>New Replication – %1</source>
        <translation>Neue Replikation – %1</translation>
    </message>
</context>
<context>
    <name>MonitorModel</name>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="85"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="86"/>
        <source>abandoned</source>
        <translation>verwaist</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="87"/>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="88"/>
        <source>late</source>
        <translation>verspätet</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="89"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="90"/>
        <source>busy</source>
        <translation>belegt</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="91"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="92"/>
        <source>never run</source>
        <translation>nie gelaufen</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="93"/>
        <source>not scheduled</source>
        <translation>nicht geplant</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="102"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="104"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="106"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="107"/>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="116"/>
        <source>1 change</source>
        <translation>1 Änderung</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="116"/>
        <source>%1 changes</source>
        <translation>%1 Änderungen</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="121"/>
        <source>1 value</source>
        <translation>1 Wert</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="121"/>
        <source>%1 values</source>
        <translation>%1 Werte</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="133"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="137"/>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="139"/>
        <source>nothing replicated yet</source>
        <translation>noch nichts repliziert</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="140"/>
        <source>could not measure</source>
        <translation>nicht messbar</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="150"/>
        <source>Changes waiting in the source&apos;s queue table.</source>
        <translation>Änderungen, die in der Warteschlangentabelle der Quelle warten.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="152"/>
        <source>How much newer the source&apos;s newest control value is than the last one replicated (the boundary keeps the newest rows back on purpose).</source>
        <translation>Wie viel neuer der neueste Kontrollwert der Quelle ist als der zuletzt replizierte (die Grenze hält die neuesten Zeilen absichtlich zurück).</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="156"/>
        <source>How many control values the source&apos;s highest is above the last one replicated.</source>
        <translation>Um wie viele Kontrollwerte der höchste der Quelle über dem zuletzt replizierten liegt.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="158"/>
        <source>Rows inserted, updated and deleted on the source since the last pull.</source>
        <translation>Seit dem letzten Abruf in der Quelle eingefügte, geänderte und gelöschte Zeilen.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="159"/>
        <source>The last measure failed.</source>
        <translation>Die letzte Messung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="163"/>
        <source>An estimate, from the source&apos;s statistics.</source>
        <translation>Eine Schätzung aus den Statistiken der Quelle.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="163"/>
        <source>Counted exactly.</source>
        <translation>Genau gezählt.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="169"/>
        <source>Measured %1 ago by %2 (%3).</source>
        <translation>Vor %1 von %2 gemessen (%3).</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="231"/>
        <source>Not measured yet: Measure How Far Behind.</source>
        <translation>Noch nicht gemessen: Rückstand messen.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="235"/>
        <source>
Late after %1, critical after %2%3.</source>
        <translation>
Verspätet nach %1, kritisch nach %2%3.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="237"/>
        <source> (set for this table)</source>
        <translation> (für diese Tabelle gesetzt)</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="237"/>
        <source> (from its period)</source>
        <translation> (aus ihrem Intervall)</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="248"/>
        <source>%1 (source %2)</source>
        <translation>%1 (Quelle %2)</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="249"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="255"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="258"/>
        <source>%1 so far</source>
        <translation>bisher %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="272"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="273"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="274"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="275"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="276"/>
        <source>Last success</source>
        <translation>Letzter Erfolg</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="277"/>
        <source>Last run</source>
        <translation>Letzter Lauf</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="278"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="279"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="280"/>
        <source>Next due</source>
        <translation>Nächste Fälligkeit</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="281"/>
        <source>Behind</source>
        <translation>Rückstand</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="282"/>
        <source>Validated</source>
        <translation>Validiert</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitor_model.cpp" line="283"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
</context>
<context>
    <name>MonitorPage</name>
    <message>
        <location filename="../ui/monitorpage.ui" line="15"/>
        <source>Sho&amp;w:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.ui" line="22"/>
        <source>T&amp;ype:</source>
        <translation>T&amp;yp:</translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.ui" line="29"/>
        <source>Sou&amp;rce:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.ui" line="41"/>
        <source>F&amp;ind:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.ui" line="48"/>
        <source>table or source</source>
        <translation>Tabelle oder Quelle</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="63"/>
        <source>&amp;Measure How Far Behind</source>
        <translation>Rückstand &amp;messen</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="66"/>
        <source>Measure how far behind their sources the selected tables (or all) are</source>
        <translation>Messen, wie weit die ausgewählten Tabellen (oder alle) hinter ihren Quellen zurückliegen</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="71"/>
        <source>Monitor – %1</source>
        <translation>Überwachung – %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="84"/>
        <source>All tables</source>
        <translation>Alle Tabellen</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="85"/>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="86"/>
        <source>Late or worse</source>
        <translation>Verspätet oder schlechter</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="109"/>
        <source>Refresh No&amp;w</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="110"/>
        <source>&amp;History of %1</source>
        <translation>Ver&amp;lauf von %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="132"/>
        <source>Tables and their health</source>
        <translation>Tabellen und ihr Zustand</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="168"/>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="174"/>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="176"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="192"/>
        <source>%1 (pid %2) gone, last seen %3 ago</source>
        <translation>%1 (PID %2) verschwunden, zuletzt vor %3 gesehen</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="194"/>
        <source>%1 (pid %2, --jobs %3, --interval %4), seen %5 ago</source>
        <translation>%1 (PID %2, --jobs %3, --interval %4), vor %5 gesehen</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="201"/>
        <source>&lt;b&gt;No runner&lt;/b&gt; serves this destination: jobs run on this computer.</source>
        <translation>&lt;b&gt;Kein Runner&lt;/b&gt; bedient dieses Ziel: Aufträge laufen auf diesem Computer.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="202"/>
        <source>&lt;b&gt;Runner&lt;/b&gt;: %1</source>
        <translation>&lt;b&gt;Runner&lt;/b&gt;: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="203"/>
        <source>&lt;b&gt;Runners&lt;/b&gt;: %1</source>
        <translation>&lt;b&gt;Runner&lt;/b&gt;: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="219"/>
        <source>No table is replicated here yet: Destination ▸ New Replication…</source>
        <translation>Hier wird noch keine Tabelle repliziert: Ziel ▸ Neue Replikation…</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/monitor/monitorpage.cpp" line="220"/>
        <source>&lt;b&gt;%n table(s)&lt;/b&gt;: </source>
        <translation>
            <numerusform>&lt;b&gt;%n Tabelle&lt;/b&gt;: </numerusform>
            <numerusform>&lt;b&gt;%n Tabellen&lt;/b&gt;: </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="245"/>
        <source>Read %1%2.</source>
        <translation>Gelesen %1%2.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="246"/>
        <source>, live</source>
        <translation>, laufend</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="246"/>
        <source>, every 10 s</source>
        <translation>, alle 10 s</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="265"/>
        <source>Measuring how far behind…</source>
        <translation>Rückstand wird gemessen…</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage.cpp" line="128"/>
        <source>Could not read the health: %1</source>
        <translation>Der Zustand konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage_validation.cpp" line="17"/>
        <source>&amp;Validate</source>
        <translation>&amp;Validieren</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage_validation.cpp" line="18"/>
        <source>Count and compare the rows of the selected tables with their sources, in the background</source>
        <translation>Die Zeilen der gewählten Tabellen im Hintergrund zählen und mit ihren Quellen vergleichen</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage_validation.cpp" line="23"/>
        <source>Re&amp;pair These Rows</source>
        <translation>Zeilen re&amp;parieren</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage_validation.cpp" line="35"/>
        <source>Validation &amp;Result…</source>
        <translation>Validierungs&amp;ergebnis…</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage_validation.cpp" line="63"/>
        <source>Re-pull only the differing rows from the source, then validate again</source>
        <translation>Nur die abweichenden Zeilen erneut aus der Quelle laden, dann wieder validieren</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/monitorpage_validation.cpp" line="65"/>
        <source>For updater, dml and logdel tables whose last validation found differing rows</source>
        <translation>Für updater-, dml- und logdel-Tabellen, deren letzte Validierung abweichende Zeilen fand</translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="41"/>
        <source>Not reachable: %1</source>
        <translation>Nicht erreichbar: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="49"/>
        <source>PostgreSQL %1, %2</source>
        <translation>PostgreSQL %1, %2</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="50"/>
        <source>standby</source>
        <translation>Standby</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="50"/>
        <source>primary</source>
        <translation>Primärserver</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="52"/>
        <source>No catalog in schema %1</source>
        <translation>Kein Katalog im Schema %1</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="56"/>
        <source>Sources (%1)</source>
        <translation>Quellen (%1)</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="59"/>
        <source>%1: %2 as %3</source>
        <translation>%1: %2 als %3</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="67"/>
        <source>Tables (%1)</source>
        <translation>Tabellen (%1)</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="80"/>
        <source>%1 from %2 (source %3)</source>
        <translation>%1 aus %2 (Quelle %3)</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="93"/>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="95"/>
        <source>Login roles that may monitor or operate this catalog</source>
        <translation>Login-Rollen, die diesen Katalog beobachten oder bedienen dürfen</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../ui/passworddialog.ui" line="9"/>
        <source>Password Needed</source>
        <translation>Passwort erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/passworddialog.ui" line="27"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../ui/passworddialog.ui" line="32"/>
        <source>&amp;Save the password in the keychain</source>
        <translation>Passwort im Schlüsselbund &amp;speichern</translation>
    </message>
    <message>
        <location filename="../src/studio/passworddialog.cpp" line="11"/>
        <source>The server asks for the password of %1.</source>
        <translation>Der Server verlangt das Passwort von %1.</translation>
    </message>
    <message>
        <location filename="../src/studio/passworddialog.cpp" line="18"/>
        <source>No keychain is available: the password is kept in memory until you quit.</source>
        <translation>Kein Schlüsselbund verfügbar: Das Passwort bleibt bis zum Beenden im Speicher.</translation>
    </message>
</context>
<context>
    <name>PasswordFlow</name>
    <message>
        <location filename="../src/studio/password_flow.cpp" line="37"/>
        <source>The server refused the password.</source>
        <translation>Der Server hat das Passwort abgelehnt.</translation>
    </message>
</context>
<context>
    <name>PasswordImporter</name>
    <message>
        <location filename="../src/studio/password_import.cpp" line="49"/>
        <source>No keychain is available; the passwords stay in the catalog.</source>
        <translation>Kein Schlüsselbund verfügbar; die Passwörter bleiben im Katalog.</translation>
    </message>
    <message>
        <location filename="../src/studio/password_import.cpp" line="60"/>
        <source>The password of source %1 is now in the keychain and no longer in the catalog.</source>
        <translation>Das Passwort von Quelle %1 liegt jetzt im Schlüsselbund und nicht mehr im Katalog.</translation>
    </message>
    <message>
        <location filename="../src/studio/password_import.cpp" line="62"/>
        <source>Source %1 was changed meanwhile; its password stays in the catalog.</source>
        <translation>Quelle %1 wurde inzwischen geändert; ihr Passwort bleibt im Katalog.</translation>
    </message>
</context>
<context>
    <name>RoleSqlDialog</name>
    <message>
        <location filename="../ui/rolesqldialog.ui" line="9"/>
        <source>Confirm Role Change</source>
        <translation>Rollenänderung bestätigen</translation>
    </message>
    <message>
        <location filename="../ui/rolesqldialog.ui" line="20"/>
        <source>These statements run in one transaction; if one fails, none of them takes effect:</source>
        <translation>Diese Anweisungen laufen in einer Transaktion; schlägt eine fehl, wird keine wirksam:</translation>
    </message>
    <message>
        <location filename="../ui/rolesqldialog.ui" line="28"/>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <location filename="../src/studio/rolesqldialog.cpp" line="21"/>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
</context>
<context>
    <name>RolesModel</name>
    <message>
        <location filename="../src/studio/roles_model.cpp" line="56"/>
        <source>A superuser may do everything, whatever groups it is in.</source>
        <translation>Ein Superuser darf alles, gleich in welchen Gruppen er ist.</translation>
    </message>
    <message>
        <location filename="../src/studio/roles_model.cpp" line="58"/>
        <source>Operators are monitors too: the operator group is a member of the monitor group.</source>
        <translation>Operatoren sind auch Beobachter: Die Operatorgruppe ist Mitglied der Beobachtergruppe.</translation>
    </message>
    <message>
        <location filename="../src/studio/roles_model.cpp" line="68"/>
        <location filename="../src/studio/roles_model.cpp" line="71"/>
        <location filename="../src/studio/roles_model.cpp" line="73"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../src/studio/roles_model.cpp" line="69"/>
        <source>through operator</source>
        <translation>über Operator</translation>
    </message>
    <message>
        <location filename="../src/studio/roles_model.cpp" line="69"/>
        <location filename="../src/studio/roles_model.cpp" line="71"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../src/studio/roles_model.cpp" line="83"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../src/studio/roles_model.cpp" line="84"/>
        <source>Monitor</source>
        <translation>Beobachter</translation>
    </message>
    <message>
        <location filename="../src/studio/roles_model.cpp" line="85"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../src/studio/roles_model.cpp" line="86"/>
        <source>Superuser</source>
        <translation>Superuser</translation>
    </message>
</context>
<context>
    <name>RolesPage</name>
    <message>
        <location filename="../ui/rolespage.ui" line="16"/>
        <source>Make &amp;Monitor…</source>
        <translation>Zum &amp;Beobachter machen…</translation>
    </message>
    <message>
        <location filename="../ui/rolespage.ui" line="17"/>
        <source>Let the selected role read the catalog and the job log</source>
        <translation>Die ausgewählte Rolle darf den Katalog und das Job-Protokoll lesen</translation>
    </message>
    <message>
        <location filename="../ui/rolespage.ui" line="22"/>
        <source>Make &amp;Operator…</source>
        <translation>Zum &amp;Operator machen…</translation>
    </message>
    <message>
        <location filename="../ui/rolespage.ui" line="23"/>
        <source>Let the selected role also edit the configuration and run makes and refreshes</source>
        <translation>Die ausgewählte Rolle darf auch die Konfiguration bearbeiten und Einrichtungen und Aktualisierungen ausführen</translation>
    </message>
    <message>
        <location filename="../ui/rolespage.ui" line="28"/>
        <source>Re&amp;voke…</source>
        <translation>&amp;Entziehen…</translation>
    </message>
    <message>
        <location filename="../ui/rolespage.ui" line="29"/>
        <source>Take the selected role out of both groups</source>
        <translation>Die ausgewählte Rolle aus beiden Gruppen nehmen</translation>
    </message>
    <message>
        <location filename="../ui/rolespage.ui" line="39"/>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <location filename="../ui/rolespage.ui" line="49"/>
        <source>Login roles</source>
        <translation>Login-Rollen</translation>
    </message>
    <message>
        <location filename="../src/studio/rolespage.cpp" line="43"/>
        <source>Roles – %1</source>
        <translation>Rollen – %1</translation>
    </message>
    <message>
        <location filename="../src/studio/rolespage.cpp" line="47"/>
        <source>Monitors read the catalog and the job log, but not the stored passwords; operators also edit the configuration and run makes and refreshes. Access goes through two group roles of this catalog, %1 and %2. Every change shows its SQL before it runs.</source>
        <translation>Beobachter lesen den Katalog und das Job-Protokoll, aber nicht die gespeicherten Passwörter; Operatoren bearbeiten außerdem die Konfiguration und führen Einrichtungen und Aktualisierungen aus. Der Zugriff läuft über zwei Gruppenrollen dieses Katalogs, %1 und %2. Jede Änderung zeigt ihr SQL, bevor sie läuft.</translation>
    </message>
    <message>
        <location filename="../src/studio/rolespage.cpp" line="118"/>
        <source>Could not read the roles: %1</source>
        <translation>Die Rollen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/rolespage.cpp" line="127"/>
        <source>Select a role first.</source>
        <translation>Wählen Sie zuerst eine Rolle aus.</translation>
    </message>
    <message>
        <location filename="../src/studio/rolespage.cpp" line="133"/>
        <source>Working out the statements for %1…</source>
        <translation>Anweisungen für %1 werden ermittelt…</translation>
    </message>
    <message>
        <location filename="../src/studio/rolespage.cpp" line="158"/>
        <source>Could not prepare the change for %1: %2</source>
        <translation>Die Änderung für %1 konnte nicht vorbereitet werden: %2</translation>
    </message>
    <message>
        <location filename="../src/studio/rolespage.cpp" line="169"/>
        <source>%1 is in neither group of catalog %2: nothing to do.</source>
        <translation>%1 ist in keiner Gruppe des Katalogs %2: nichts zu tun.</translation>
    </message>
    <message>
        <location filename="../src/studio/rolespage.cpp" line="178"/>
        <source>Make %1 a monitor of catalog %2: it may read the configuration and the job log (not the stored passwords), as a member of %3.</source>
        <translation>%1 zum Beobachter des Katalogs %2 machen: Als Mitglied von %3 darf die Rolle die Konfiguration und das Job-Protokoll lesen (nicht die gespeicherten Passwörter).</translation>
    </message>
    <message>
        <location filename="../src/studio/rolespage.cpp" line="181"/>
        <source>%1 is now a monitor of catalog %2.</source>
        <translation>%1 ist jetzt Beobachter des Katalogs %2.</translation>
    </message>
    <message>
        <location filename="../src/studio/rolespage.cpp" line="184"/>
        <source>Make %1 an operator of catalog %2: it may also edit the configuration and run makes and refreshes, as a member of %3. That group becomes the owner of the replicated tables.</source>
        <translation>%1 zum Operator des Katalogs %2 machen: Als Mitglied von %3 darf die Rolle auch die Konfiguration bearbeiten und Einrichtungen und Aktualisierungen ausführen. Diese Gruppe wird Eigentümerin der replizierten Tabellen.</translation>
    </message>
    <message>
        <location filename="../src/studio/rolespage.cpp" line="187"/>
        <source>%1 is now an operator of catalog %2.</source>
        <translation>%1 ist jetzt Operator des Katalogs %2.</translation>
    </message>
    <message>
        <location filename="../src/studio/rolespage.cpp" line="190"/>
        <source>Take %1 out of the monitor and operator groups of catalog %2.</source>
        <translation>%1 aus der Beobachter- und der Operatorgruppe des Katalogs %2 nehmen.</translation>
    </message>
    <message>
        <location filename="../src/studio/rolespage.cpp" line="191"/>
        <source>%1 is no longer a monitor or operator of catalog %2.</source>
        <translation>%1 ist nicht mehr Beobachter oder Operator des Katalogs %2.</translation>
    </message>
    <message>
        <location filename="../src/studio/rolespage.cpp" line="197"/>
        <source>Cancelled: nothing was changed.</source>
        <translation>Abgebrochen: Nichts wurde geändert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/rolespage.cpp" line="201"/>
        <source>Running %n statement(s)…</source>
        <translation>
            <numerusform>%n Anweisung wird ausgeführt…</numerusform>
            <numerusform>%n Anweisungen werden ausgeführt…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/rolespage.cpp" line="214"/>
        <source>The change failed and nothing was changed: %1</source>
        <translation>Die Änderung ist fehlgeschlagen, nichts wurde geändert: %1</translation>
    </message>
</context>
<context>
    <name>RunChart</name>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="59"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="61"/>
        <location filename="../src/studio/monitor/run_chart.cpp" line="63"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="65"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="111"/>
        <source>Could not read the last runs: %1</source>
        <translation>Die letzten Läufe konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="121"/>
        <source>Last runs</source>
        <translation>Letzte Läufe</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="121"/>
        <source>Last runs of %1</source>
        <translation>Letzte Läufe von %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="123"/>
        <source>No table selected.</source>
        <translation>Keine Tabelle ausgewählt.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="123"/>
        <source>No refresh of this table yet.</source>
        <translation>Diese Tabelle wurde noch nicht aktualisiert.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="127"/>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/monitor/run_chart.cpp" line="139"/>
        <source>%n run(s), </source>
        <translation>
            <numerusform>%n Lauf, </numerusform>
            <numerusform>%n Läufe, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/monitor/run_chart.cpp" line="139"/>
        <source>%n failed; </source>
        <translation>
            <numerusform>%n fehlgeschlagen; </numerusform>
            <numerusform>%n fehlgeschlagen; </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="140"/>
        <source>longest %1, most rows %2.</source>
        <translation>längster %1, meiste Zeilen %2.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="212"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="213"/>
        <source>Duration: %1</source>
        <translation>Dauer: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="213"/>
        <source>still running</source>
        <translation>läuft noch</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="216"/>
        <source>Rows: %1</source>
        <translation>Zeilen: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="217"/>
        <source>Rows: %1 (%2)</source>
        <translation>Zeilen: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="252"/>
        <source>Reading the last runs of %1…</source>
        <translation>Die letzten Läufe von %1 werden gelesen…</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="254"/>
        <source>Select a table to see its last runs.</source>
        <translation>Wählen Sie eine Tabelle, um ihre letzten Läufe zu sehen.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="248"/>
        <source>No refresh of %1 yet.</source>
        <translation>%1 wurde noch nicht aktualisiert.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="304"/>
        <source>Duration per run</source>
        <translation>Dauer je Lauf</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="314"/>
        <source>Rows per run</source>
        <translation>Zeilen je Lauf</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="318"/>
        <source>inserted</source>
        <translation>eingefügt</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="318"/>
        <source>updated</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="318"/>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/run_chart.cpp" line="321"/>
        <source>rows, not counted</source>
        <translation>Zeilen, nicht gezählt</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <location filename="../ui/sourcedialog.ui" line="9"/>
        <source>Add Source</source>
        <translation>Quelle hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/sourcedialog.ui" line="19"/>
        <source>Source &amp;user:</source>
        <translation>Quell&amp;benutzer:</translation>
    </message>
    <message>
        <location filename="../ui/sourcedialog.ui" line="25"/>
        <source>The role mimeo uses on the source (mimeo&apos;s username column)</source>
        <translation>Die Rolle, die mimeo auf der Quelle verwendet (Spalte username von mimeo)</translation>
    </message>
    <message>
        <location filename="../ui/sourcedialog.ui" line="30"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../ui/sourcedialog.ui" line="41"/>
        <source>Sa&amp;ve the password in the keychain</source>
        <translation>Passwort im Schlüsselbund &amp;speichern</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcedialog.cpp" line="16"/>
        <source>The password was taken out of the connection string; it is kept apart from it.</source>
        <translation>Das Passwort wurde aus der Verbindungszeichenkette genommen; es wird getrennt davon aufbewahrt.</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcedialog.cpp" line="21"/>
        <source>No keychain is available: the password is kept in memory until you quit.</source>
        <translation>Kein Schlüsselbund verfügbar: Das Passwort bleibt bis zum Beenden im Speicher.</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcedialog.cpp" line="29"/>
        <source>Edit Source %1</source>
        <translation>Quelle %1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcedialog.cpp" line="32"/>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcedialog.cpp" line="87"/>
        <source>Enter the role used on the source.</source>
        <translation>Bitte die Rolle auf der Quelle angeben.</translation>
    </message>
</context>
<context>
    <name>SourceTablesModel</name>
    <message>
        <location filename="../src/studio/wizard/source_tables_model.cpp" line="17"/>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/source_tables_model.cpp" line="18"/>
        <source>partitioned table</source>
        <translation>partitionierte Tabelle</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/source_tables_model.cpp" line="19"/>
        <source>view</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/source_tables_model.cpp" line="20"/>
        <source>materialized view</source>
        <translation>materialisierte Sicht</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/source_tables_model.cpp" line="21"/>
        <source>foreign table</source>
        <translation>Fremdtabelle</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/source_tables_model.cpp" line="66"/>
        <source>The source&apos;s role may not read this relation.</source>
        <translation>Die Rolle der Quelle darf diese Relation nicht lesen.</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/source_tables_model.cpp" line="86"/>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/source_tables_model.cpp" line="87"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/source_tables_model.cpp" line="88"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/source_tables_model.cpp" line="89"/>
        <source>Rows (estimate)</source>
        <translation>Zeilen (geschätzt)</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/source_tables_model.cpp" line="90"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>SourcesModel</name>
    <message>
        <location filename="../src/studio/sources_model.cpp" line="74"/>
        <source>in the connection string (plain text)</source>
        <translation>in der Verbindungszeichenkette (Klartext)</translation>
    </message>
    <message>
        <location filename="../src/studio/sources_model.cpp" line="76"/>
        <source>in the catalog (plain text)</source>
        <translation>im Katalog (Klartext)</translation>
    </message>
    <message>
        <location filename="../src/studio/sources_model.cpp" line="78"/>
        <source>keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../src/studio/sources_model.cpp" line="79"/>
        <source>libpq (.pgpass, service) or none</source>
        <translation>libpq (.pgpass, Dienst) oder keines</translation>
    </message>
    <message>
        <location filename="../src/studio/sources_model.cpp" line="84"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../src/studio/sources_model.cpp" line="95"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../src/studio/sources_model.cpp" line="96"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location filename="../src/studio/sources_model.cpp" line="97"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../src/studio/sources_model.cpp" line="98"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../src/studio/sources_model.cpp" line="99"/>
        <source>Used by</source>
        <translation>Verwendet von</translation>
    </message>
</context>
<context>
    <name>SourcesPage</name>
    <message>
        <location filename="../ui/sourcespage.ui" line="10"/>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/sourcespage.ui" line="15"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/sourcespage.ui" line="20"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/sourcespage.ui" line="25"/>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <location filename="../ui/sourcespage.ui" line="35"/>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <location filename="../ui/sourcespage.ui" line="47"/>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <location filename="../ui/sourcespage.ui" line="51"/>
        <source>Test result</source>
        <translation>Testergebnis</translation>
    </message>
    <message>
        <location filename="../ui/sourcespage.ui" line="52"/>
        <source>Select a source and press Test: its version, whether it is a standby, and the privileges the replication types need.</source>
        <translation>Quelle wählen und Testen drücken: ihre Version, ob sie ein Standby ist, und die Rechte, die die Replikationstypen brauchen.</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="27"/>
        <source>Source %1: connected to %2</source>
        <translation>Quelle %1: verbunden mit %2</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="28"/>
        <source>Server: PostgreSQL %1, %2</source>
        <translation>Server: PostgreSQL %1, %2</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="29"/>
        <source>standby</source>
        <translation>Standby</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="29"/>
        <source>primary</source>
        <translation>Primärserver</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="30"/>
        <source>Role: %1%2</source>
        <translation>Rolle: %1%2</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="30"/>
        <source> (superuser)</source>
        <translation> (Superuser)</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="31"/>
        <source>Tables: %1, readable %2, triggers allowed on %3</source>
        <translation>Tabellen: %1, lesbar %2, Trigger erlaubt auf %3</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="35"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="36"/>
        <source>ok</source>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="37"/>
        <source>no CREATE privilege</source>
        <translation>kein CREATE-Recht</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="38"/>
        <source>Schema %1 for dml/logdel queues: %2</source>
        <translation>Schema %1 für dml/logdel-Warteschlangen: %2</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="40"/>
        <source>Note: a standby&apos;s statistics never move, so snap refreshes always pull; dml and logdel cannot be set up on a standby.</source>
        <translation>Hinweis: Die Statistik eines Standby ändert sich nie, daher rufen snap-Aktualisierungen immer ab; dml und logdel lassen sich auf einem Standby nicht einrichten.</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="43"/>
        <source>Note: track_counts is off, so snap cannot tell whether a table changed.</source>
        <translation>Hinweis: track_counts ist aus, daher kann snap nicht erkennen, ob sich eine Tabelle geändert hat.</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="45"/>
        <source>Privileges: everything every replication type needs.</source>
        <translation>Rechte: alles, was jeder Replikationstyp braucht.</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="47"/>
        <source>Missing privileges:</source>
        <translation>Fehlende Rechte:</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="49"/>
        <source>  %1 (for %2)</source>
        <translation>  %1 (für %2)</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="50"/>
        <source>    fix: %1</source>
        <translation>    Abhilfe: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="65"/>
        <source>Sources – %1</source>
        <translation>Quellen – %1</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="175"/>
        <source>Adding the source…</source>
        <translation>Quelle wird hinzugefügt…</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="177"/>
        <source>Source %1 added.</source>
        <translation>Quelle %1 hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="187"/>
        <location filename="../src/studio/sourcespage.cpp" line="231"/>
        <location filename="../src/studio/sourcespage.cpp" line="255"/>
        <source>Select a source first.</source>
        <translation>Bitte zuerst eine Quelle wählen.</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="223"/>
        <source>Source %1 saved.</source>
        <translation>Quelle %1 gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="234"/>
        <source>Remove Source</source>
        <translation>Quelle entfernen</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="235"/>
        <source>Remove source %1 from the catalog? Its password is removed from the keychain too.</source>
        <translation>Quelle %1 aus dem Katalog entfernen? Ihr Passwort wird auch aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="246"/>
        <source>Source %1 removed.</source>
        <translation>Quelle %1 entfernt.</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="259"/>
        <source>Connecting to source %1…</source>
        <translation>Verbinde mit Quelle %1…</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="262"/>
        <source>source %1 (%2 as %3)</source>
        <translation>Quelle %1 (%2 als %3)</translation>
    </message>
    <message>
        <location filename="../src/studio/sourcespage.cpp" line="284"/>
        <source>Source %1 could not be reached:
%2</source>
        <translation>Quelle %1 war nicht erreichbar:
%2</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message>
        <location filename="../src/studio/monitor/tray_notifier.cpp" line="64"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/monitor/tray_notifier.cpp" line="69"/>
        <source>%n table(s) of %1 need attention</source>
        <translation>
            <numerusform>%n Tabelle von %1 braucht Aufmerksamkeit</numerusform>
            <numerusform>%n Tabellen von %1 brauchen Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/tray_notifier.cpp" line="82"/>
        <source>Mimeo Studio: notifies when a table fails or turns critical</source>
        <translation>Mimeo Studio: meldet, wenn eine Tabelle fehlschlägt oder kritisch wird</translation>
    </message>
</context>
<context>
    <name>ValidationDialog</name>
    <message>
        <location filename="../ui/validationdialog.ui" line="28"/>
        <location filename="../src/studio/monitor/validationdialog.cpp" line="98"/>
        <source>&amp;Differing keys:</source>
        <translation>&amp;Abweichende Schlüssel:</translation>
    </message>
    <message>
        <location filename="../ui/validationdialog.ui" line="49"/>
        <source>Re&amp;pair These Rows</source>
        <translation>Zeilen re&amp;parieren</translation>
    </message>
    <message>
        <location filename="../ui/validationdialog.ui" line="54"/>
        <source>Refresh &amp;Now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/validationdialog.ui" line="59"/>
        <source>&amp;Full Re-pull…</source>
        <translation>&amp;Vollständig neu laden…</translation>
    </message>
    <message>
        <location filename="../ui/validationdialog.ui" line="64"/>
        <source>&amp;Validate Again</source>
        <translation>Erneut va&amp;lidieren</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validationdialog.cpp" line="44"/>
        <source>Differing keys</source>
        <translation>Abweichende Schlüssel</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validationdialog.cpp" line="60"/>
        <source>Asked for: see the Jobs panel. This shows the next result when it is recorded.</source>
        <translation>Angefordert: siehe die Aufträge. Hier erscheint das nächste Ergebnis, sobald es aufgezeichnet ist.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validationdialog.cpp" line="66"/>
        <source>Validation of %1</source>
        <translation>Validierung von %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validationdialog.cpp" line="67"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2, from %3 of source %4)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2, aus %3 von Quelle %4)</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validationdialog.cpp" line="77"/>
        <source>Not validated yet: Validate compares it with its source.</source>
        <translation>Noch nicht validiert: Validieren vergleicht sie mit ihrer Quelle.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validationdialog.cpp" line="82"/>
        <source>Validated ✓: the destination has the source&apos;s rows.</source>
        <translation>Validiert ✓: das Ziel hat die Zeilen der Quelle.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validationdialog.cpp" line="84"/>
        <source>The validation failed.</source>
        <translation>Die Validierung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validationdialog.cpp" line="86"/>
        <source>The row counts differ.</source>
        <translation>Die Zeilenzahlen weichen ab.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validationdialog.cpp" line="88"/>
        <source>Differing rows: %1.</source>
        <translation>Abweichende Zeilen: %1.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validationdialog.cpp" line="97"/>
        <source>&amp;Differing keys (the first %1 of %2):</source>
        <translation>&amp;Abweichende Schlüssel (die ersten %1 von %2):</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validationdialog.cpp" line="111"/>
        <source>Repair These Rows re-pulls exactly these keys from the source in one transaction under the table&apos;s lock, then validates again.</source>
        <translation>Zeilen reparieren lädt genau diese Schlüssel erneut aus der Quelle, in einer Transaktion unter der Sperre der Tabelle, und validiert dann erneut.</translation>
    </message>
</context>
<context>
    <name>ValidationKeysModel</name>
    <message>
        <location filename="../src/studio/monitor/validation_keys_model.cpp" line="32"/>
        <source>Difference</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validation_keys_model.cpp" line="32"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
</context>
<context>
    <name>ValidationText</name>
    <message>
        <location filename="../src/studio/monitor/validation_text.cpp" line="51"/>
        <source>validated ✓</source>
        <translation>validiert ✓</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validation_text.cpp" line="53"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validation_text.cpp" line="55"/>
        <source>counts differ</source>
        <translation>Anzahl weicht ab</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/monitor/validation_text.cpp" line="56"/>
        <source>%n differing</source>
        <translation>
            <numerusform>%n abweichend</numerusform>
            <numerusform>%n abweichend</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validation_text.cpp" line="61"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validation_text.cpp" line="67"/>
        <source>Rows compared by key on %1 by %2.</source>
        <translation>Zeilen nach Schlüssel verglichen am %1 von %2.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validation_text.cpp" line="67"/>
        <source>Rows counted on %1 by %2.</source>
        <translation>Zeilen gezählt am %1 von %2.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validation_text.cpp" line="70"/>
        <source>Source: %1 rows, destination: %2 rows.</source>
        <translation>Quelle: %1 Zeilen, Ziel: %2 Zeilen.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validation_text.cpp" line="72"/>
        <source>Missing on the destination: %1, extra on the destination: %2, different: %3.</source>
        <translation>Fehlen im Ziel: %1, überzählig im Ziel: %2, verschieden: %3.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validation_text.cpp" line="75"/>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validation_text.cpp" line="98"/>
        <source>Not validated yet: select it and choose Validate.</source>
        <translation>Noch nicht validiert: auswählen und Validieren wählen.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validation_text.cpp" line="107"/>
        <source>missing on the destination</source>
        <translation>fehlt im Ziel</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validation_text.cpp" line="109"/>
        <source>extra on the destination</source>
        <translation>überzählig im Ziel</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validation_text.cpp" line="110"/>
        <source>different</source>
        <translation>verschieden</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validation_text.cpp" line="118"/>
        <source>%1 is an %2 table: its rows have no key a repair could address; a full re-pull copies them again.</source>
        <translation>%1 ist eine %2-Tabelle: ihre Zeilen haben keinen Schlüssel, über den eine Reparatur sie ansprechen könnte; vollständiges Neuladen kopiert sie erneut.</translation>
    </message>
    <message>
        <location filename="../src/studio/monitor/validation_text.cpp" line="120"/>
        <source>%1 is a %2 table: it has no single rows to repair (that is for updater, dml and logdel); Refresh Now in its validation result copies every row again, even when the source looks unchanged.</source>
        <translation>%1 ist eine %2-Tabelle: einzelne Zeilen werden nur bei updater, dml und logdel repariert; Jetzt aktualisieren im Validierungsergebnis kopiert jede Zeile erneut, auch wenn die Quelle unverändert scheint.</translation>
    </message>
</context>
<context>
    <name>ValueEditDialog</name>
    <message>
        <location filename="../ui/valueeditdialog.ui" line="27"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/valueeditdialog.ui" line="41"/>
        <source>Source columns</source>
        <translation>Quellspalten</translation>
    </message>
    <message>
        <location filename="../src/studio/valueeditdialog.cpp" line="18"/>
        <source>Reading the source table&apos;s columns…</source>
        <translation>Spalten der Quelltabelle werden gelesen…</translation>
    </message>
    <message>
        <location filename="../src/studio/valueeditdialog.cpp" line="57"/>
        <source>%1 (not in the source table)</source>
        <translation>%1 (nicht in der Quelltabelle)</translation>
    </message>
    <message>
        <location filename="../src/studio/valueeditdialog.cpp" line="63"/>
        <source>Check the columns to replicate; none checked replicates every column. The replication key must be among them.</source>
        <translation>Die zu replizierenden Spalten ankreuzen; keine angekreuzt repliziert alle Spalten. Der Replikationsschlüssel muss dabei sein.</translation>
    </message>
    <message>
        <location filename="../src/studio/valueeditdialog.cpp" line="74"/>
        <source>The source&apos;s columns could not be read; type one column per line.
%1</source>
        <translation>Die Spalten der Quelle konnten nicht gelesen werden; bitte eine Spalte pro Zeile eingeben.
%1</translation>
    </message>
</context>
<context>
    <name>WizardOptionsPage</name>
    <message>
        <location filename="../ui/wizard_options.ui" line="5"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="6"/>
        <source>Where the rows go and what is replicated. Each field is checked as you type.</source>
        <translation>Wohin die Zeilen gehen und was repliziert wird. Jedes Feld wird schon während der Eingabe geprüft.</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="10"/>
        <source>Destination &amp;schema:</source>
        <translation>Ziel&amp;schema:</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="12"/>
        <source>Destination &amp;name:</source>
        <translation>Ziel&amp;name:</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="15"/>
        <source>Replicate into the &amp;existing table (every refresh replaces its rows)</source>
        <translation>In die &amp;vorhandene Tabelle replizieren (jede Aktualisierung ersetzt ihre Zeilen)</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="16"/>
        <source>C&amp;olumns:</source>
        <translation>Sp&amp;alten:</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="18"/>
        <source>Con&amp;dition:</source>
        <translation>&amp;Bedingung:</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="19"/>
        <source>WHERE ... (SQL after FROM on the source)</source>
        <translation>WHERE ... (SQL nach FROM auf der Quelle)</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="20"/>
        <source>&amp;Validate</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="21"/>
        <source>Con&amp;trol column:</source>
        <translation>St&amp;euerspalte:</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="23"/>
        <source>&amp;Boundary:</source>
        <translation>&amp;Grenze:</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="24"/>
        <source>default: 10 minutes (time) or 10 (serial)</source>
        <translation>Vorgabe: 10 min (time) oder 10 (serial)</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="26"/>
        <source>&amp;Key columns:</source>
        <translation>S&amp;chlüsselspalten:</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="27"/>
        <source>col, col (a view has no key of its own)</source>
        <translation>spalte, spalte (eine Sicht hat keinen eigenen Schlüssel)</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="28"/>
        <source>Key t&amp;ypes:</source>
        <translation>Schlüssel&amp;typen:</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="29"/>
        <source>bigint, text</source>
        <translation>bigint, text</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="30"/>
        <source>Copy the source&apos;s &amp;indexes</source>
        <translation>&amp;Indizes der Quelle übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="31"/>
        <source>&amp;Pull the data now</source>
        <translation>Daten &amp;jetzt abrufen</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="32"/>
        <source>P&amp;eriod:</source>
        <translation>Inte&amp;rvall:</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="33"/>
        <source>e.g. 1 hour (how often mimeo run refreshes it; empty: only on demand)</source>
        <translation>z. B. 1 h (wie oft mimeo run sie aktualisiert; leer: nur auf Anforderung)</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="34"/>
        <source>Batch &amp;limit:</source>
        <translation>Stapel&amp;limit:</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="35"/>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="36"/>
        <source>Se&amp;quences:</source>
        <translation>Se&amp;quenzen:</translation>
    </message>
    <message>
        <location filename="../ui/wizard_options.ui" line="37"/>
        <source>schema.seq, ... reset after each refresh</source>
        <translation>schema.sequenz, ... nach jeder Aktualisierung zurückgesetzt</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_options_page.cpp" line="114"/>
        <source>A key column: %1 needs it.</source>
        <translation>Eine Schlüsselspalte: %1 braucht sie.</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_options_page.cpp" line="123"/>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_options_page.cpp" line="123"/>
        <source>indexed</source>
        <translation>indiziert</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_options_page.cpp" line="123"/>
        <source>no index</source>
        <translation>kein Index</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_options_page.cpp" line="210"/>
        <source>The table has no column this type can use as its control column.</source>
        <translation>Die Tabelle hat keine Spalte, die dieser Typ als Steuerspalte verwenden kann.</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_options_page.cpp" line="212"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_options_page.cpp" line="228"/>
        <source>%1 is already configured (type %2).</source>
        <translation>%1 ist bereits konfiguriert (Typ %2).</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_options_page.cpp" line="237"/>
        <source>✓ The destination accepts this name.</source>
        <translation>✓ Das Ziel akzeptiert diesen Namen.</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_options_page.cpp" line="261"/>
        <source>The first refresh after the initial pull reads %1.</source>
        <translation>Die erste Aktualisierung nach dem anfänglichen Abruf liest %1.</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_options_page.cpp" line="276"/>
        <source>No condition: every row is replicated.</source>
        <translation>Keine Bedingung: Jede Zeile wird repliziert.</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_options_page.cpp" line="280"/>
        <source>Asking the source…</source>
        <translation>Quelle wird befragt…</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_options_page.cpp" line="288"/>
        <source>✓ The source accepts the condition.</source>
        <translation>✓ Die Quelle akzeptiert die Bedingung.</translation>
    </message>
</context>
<context>
    <name>WizardPreflightPage</name>
    <message>
        <location filename="../ui/wizard_preflight.ui" line="5"/>
        <source>Pre-flight</source>
        <translation>Vorabprüfung</translation>
    </message>
    <message>
        <location filename="../ui/wizard_preflight.ui" line="6"/>
        <source>Everything the make needs on the source and the destination. Fix what is red (the statements are ready to copy), then check again.</source>
        <translation>Alles, was die Einrichtung auf der Quelle und dem Ziel braucht. Beheben Sie, was rot ist (die Anweisungen stehen zum Kopieren bereit), und prüfen Sie dann erneut.</translation>
    </message>
    <message>
        <location filename="../ui/wizard_preflight.ui" line="13"/>
        <location filename="../src/studio/wizard/wizard_preflight_page.cpp" line="34"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location filename="../ui/wizard_preflight.ui" line="14"/>
        <location filename="../src/studio/wizard/wizard_preflight_page.cpp" line="34"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location filename="../ui/wizard_preflight.ui" line="19"/>
        <source>Statements that &amp;fix the red checks (run them as the table&apos;s owner or a superuser):</source>
        <translation>Anweisungen, die die roten Prüfungen &amp;beheben (als Eigentümer der Tabelle oder als Superuser ausführen):</translation>
    </message>
    <message>
        <location filename="../ui/wizard_preflight.ui" line="33"/>
        <source>&amp;Re-check</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <location filename="../ui/wizard_preflight.ui" line="39"/>
        <source>&amp;Copy Statements</source>
        <translation>Anweisungen &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_preflight_page.cpp" line="19"/>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_preflight_page.cpp" line="20"/>
        <source>destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_preflight_page.cpp" line="21"/>
        <source>request</source>
        <translation>Angaben</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_preflight_page.cpp" line="52"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_preflight_page.cpp" line="67"/>
        <source>reaching the servers</source>
        <translation>Erreichbarkeit der Server</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_preflight_page.cpp" line="85"/>
        <source>%1
    %2</source>
        <translation>%1
    %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/wizard/wizard_preflight_page.cpp" line="100"/>
        <source>All %n check(s) passed.</source>
        <translation>
            <numerusform>%n Prüfung bestanden.</numerusform>
            <numerusform>Alle %n Prüfungen bestanden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/wizard/wizard_preflight_page.cpp" line="101"/>
        <source>%n check(s) failed.</source>
        <translation>
            <numerusform>%n Prüfung fehlgeschlagen.</numerusform>
            <numerusform>%n Prüfungen fehlgeschlagen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WizardRunPage</name>
    <message>
        <location filename="../ui/wizard_run.ui" line="5"/>
        <source>Make</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <location filename="../ui/wizard_run.ui" line="6"/>
        <source>The make runs on the servers. Stop cancels it there at once and leaves nothing half made.</source>
        <translation>Die Einrichtung läuft auf den Servern. Anhalten bricht sie dort sofort ab und lässt nichts halb Eingerichtetes zurück.</translation>
    </message>
    <message>
        <location filename="../ui/wizard_run.ui" line="27"/>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <location filename="../ui/wizard_run.ui" line="47"/>
        <source>&amp;Refresh Now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/wizard_run.ui" line="53"/>
        <source>Open in the &amp;Configuration Editor</source>
        <translation>Im &amp;Konfigurationseditor öffnen</translation>
    </message>
    <message>
        <location filename="../ui/wizard_run.ui" line="59"/>
        <source>Make &amp;Another</source>
        <translation>Weitere &amp;einrichten</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/wizard/wizard_run_page.cpp" line="19"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_run_page.cpp" line="20"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_run_page.cpp" line="60"/>
        <source>Making %1…</source>
        <translation>%1 wird eingerichtet…</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_run_page.cpp" line="69"/>
        <source>Another process is making or refreshing %1; nothing was made.</source>
        <translation>Ein anderer Prozess richtet %1 gerade ein oder aktualisiert die Tabelle; nichts wurde eingerichtet.</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_run_page.cpp" line="72"/>
        <source>%1 is replicated: %2</source>
        <translation>%1 wird repliziert: %2</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_run_page.cpp" line="73"/>
        <source>Done: %1 rows copied (%2).</source>
        <translation>Fertig: %1 Zeilen kopiert (%2).</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_run_page.cpp" line="74"/>
        <source>Took %1.</source>
        <translation>Dauer: %1.</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_run_page.cpp" line="80"/>
        <source>Stopped. Nothing was made: no destination table, no source objects, no catalog row.</source>
        <translation>Abgebrochen. Nichts wurde eingerichtet: keine Zieltabelle, keine Objekte auf der Quelle, keine Katalogzeile.</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_run_page.cpp" line="82"/>
        <source>The make failed and was rolled back: %1</source>
        <translation>Die Einrichtung ist fehlgeschlagen und wurde zurückgerollt: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_run_page.cpp" line="99"/>
        <source>%1 of about %2 rows</source>
        <translation>%1 von etwa %2 Zeilen</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_run_page.cpp" line="100"/>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_run_page.cpp" line="101"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_run_page.cpp" line="102"/>
        <source>%1 rows/s, %2, elapsed %3</source>
        <translation>%1 Zeilen/s, %2, Laufzeit %3</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_run_page.cpp" line="104"/>
        <source>, about %1 left</source>
        <translation>, noch etwa %1</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_run_page.cpp" line="115"/>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_run_page.cpp" line="141"/>
        <source>Refreshing %1…</source>
        <translation>%1 wird aktualisiert…</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_run_page.cpp" line="152"/>
        <source>Refreshed: %1</source>
        <translation>Aktualisiert: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_run_page.cpp" line="160"/>
        <source>The refresh failed: %1</source>
        <translation>Die Aktualisierung ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>WizardSourcePage</name>
    <message>
        <location filename="../ui/wizard_source.ui" line="5"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/wizard_source.ui" line="6"/>
        <source>The database the rows come from: one of this catalog&apos;s sources, or a new one.</source>
        <translation>Die Datenbank, aus der die Zeilen kommen: eine der Quellen dieses Katalogs oder eine neue.</translation>
    </message>
    <message>
        <location filename="../ui/wizard_source.ui" line="10"/>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <location filename="../ui/wizard_source.ui" line="21"/>
        <source>&amp;Add Source…</source>
        <translation>Quelle &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_source_page.cpp" line="31"/>
        <source>%1: %2 as %3</source>
        <translation>%1: %2 als %3</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_source_page.cpp" line="37"/>
        <source>This catalog has no source yet: add one.</source>
        <translation>Dieser Katalog hat noch keine Quelle: Fügen Sie eine hinzu.</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_source_page.cpp" line="82"/>
        <source>Adding the source…</source>
        <translation>Quelle wird hinzugefügt…</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_source_page.cpp" line="85"/>
        <source>Source %1 added.</source>
        <translation>Quelle %1 hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_source_page.cpp" line="89"/>
        <source>Could not add the source: %1</source>
        <translation>Die Quelle konnte nicht hinzugefügt werden: %1</translation>
    </message>
</context>
<context>
    <name>WizardSummaryPage</name>
    <message>
        <location filename="../ui/wizard_summary.ui" line="5"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../ui/wizard_summary.ui" line="6"/>
        <source>The SQL the make runs, from a rehearsal of the very same make: it ran on both servers inside transactions that were rolled back, so nothing was changed.</source>
        <translation>Das SQL, das die Einrichtung ausführt, aus einem Probelauf genau dieser Einrichtung: Er lief auf beiden Servern in Transaktionen, die zurückgerollt wurden, daher wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../ui/wizard_summary.ui" line="16"/>
        <source>On the source</source>
        <translation>Auf der Quelle</translation>
    </message>
    <message>
        <location filename="../ui/wizard_summary.ui" line="22"/>
        <source>On the destination</source>
        <translation>Auf dem Ziel</translation>
    </message>
    <message>
        <location filename="../ui/wizard_summary.ui" line="33"/>
        <source>Show the &amp;reads too</source>
        <translation>Auch &amp;Lesezugriffe zeigen</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_summary_page.cpp" line="44"/>
        <source>&amp;Make</source>
        <translation>&amp;Einrichten</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_summary_page.cpp" line="61"/>
        <source>%1 of %2 (source %3) into %4.</source>
        <translation>%1 von %2 (Quelle %3) nach %4.</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_summary_page.cpp" line="65"/>
        <source>Rehearsing the make…</source>
        <translation>Probelauf der Einrichtung…</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_summary_page.cpp" line="74"/>
        <source>Nothing was changed by the rehearsal.</source>
        <translation>Der Probelauf hat nichts geändert.</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_summary_page.cpp" line="82"/>
        <source>The rehearsal failed, so the make would too: %1</source>
        <translation>Der Probelauf ist fehlgeschlagen, also würde auch die Einrichtung fehlschlagen: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_summary_page.cpp" line="109"/>
        <source>-- Nothing is changed on the source: the make only reads it.</source>
        <translation>-- Auf der Quelle wird nichts geändert: Die Einrichtung liest sie nur.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/wizard/wizard_summary_page.cpp" line="112"/>
        <source>On the source (%n change(s))</source>
        <translation>
            <numerusform>Auf der Quelle (%n Änderung)</numerusform>
            <numerusform>Auf der Quelle (%n Änderungen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/wizard/wizard_summary_page.cpp" line="113"/>
        <source>On the destination (%n change(s))</source>
        <translation>
            <numerusform>Auf dem Ziel (%n Änderung)</numerusform>
            <numerusform>Auf dem Ziel (%n Änderungen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WizardTablePage</name>
    <message>
        <location filename="../ui/wizard_table.ui" line="5"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../ui/wizard_table.ui" line="6"/>
        <source>The table, view or partitioned table to replicate.</source>
        <translation>Die zu replizierende Tabelle, Sicht oder partitionierte Tabelle.</translation>
    </message>
    <message>
        <location filename="../ui/wizard_table.ui" line="12"/>
        <source>S&amp;chema:</source>
        <translation>S&amp;chema:</translation>
    </message>
    <message>
        <location filename="../ui/wizard_table.ui" line="19"/>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <location filename="../ui/wizard_table.ui" line="25"/>
        <source>part of the name</source>
        <translation>Teil des Namens</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="67"/>
        <source>No relation matches.</source>
        <translation>Keine Relation passt.</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="87"/>
        <source>All schemas</source>
        <translation>Alle Schemas</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="146"/>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="176"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="179"/>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="181"/>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="183"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="183"/>
        <source>unknown (never analyzed)</source>
        <translation>unbekannt (nie analysiert)</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="179"/>
        <source>about %1</source>
        <translation>etwa %1</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="181"/>
        <source>about %1 (from the statistics; never analyzed)</source>
        <translation>etwa %1 (aus der Statistik; nie analysiert)</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="184"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="184"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="188"/>
        <source>primary key</source>
        <translation>Primärschlüssel</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="188"/>
        <source>unique</source>
        <translation>eindeutiger Schlüssel</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="189"/>
        <source>: has nullable columns, not usable as a key</source>
        <translation>: hat Spalten, die NULL sein können, als Schlüssel nicht verwendbar</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="190"/>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="190"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="195"/>
        <source>indexed</source>
        <translation>indiziert</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="195"/>
        <source>no index</source>
        <translation>kein Index</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="196"/>
        <source>, nullable</source>
        <translation>, kann NULL sein</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="197"/>
        <source>Control column candidates</source>
        <translation>Mögliche Steuerspalten</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="197"/>
        <source>none (no timestamp or integer column)</source>
        <translation>keine (keine Zeitstempel- oder Ganzzahlspalte)</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="199"/>
        <source>Changes since statistics reset</source>
        <translation>Änderungen seit dem Zurücksetzen der Statistik</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="199"/>
        <source>%1 inserted, %2 updated, %3 deleted</source>
        <translation>%1 eingefügt, %2 geändert, %3 gelöscht</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="204"/>
        <source>View</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="204"/>
        <source>yes: no key of its own and no triggers (dml and logdel are not possible)</source>
        <translation>ja: kein eigener Schlüssel und keine Trigger (dml und logdel sind nicht möglich)</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="205"/>
        <source>Already replicated here</source>
        <translation>Hier bereits repliziert</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="205"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_table_page.cpp" line="207"/>
        <source>yes, as %1</source>
        <translation>ja, als %1</translation>
    </message>
</context>
<context>
    <name>WizardTypePage</name>
    <message>
        <location filename="../ui/wizard_type.ui" line="5"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/wizard_type.ui" line="6"/>
        <source>How the rows are kept up to date. The recommendation comes from the table&apos;s keys, columns, size and change statistics.</source>
        <translation>Wie die Zeilen aktuell gehalten werden. Die Empfehlung beruht auf den Schlüsseln, Spalten, der Größe und der Änderungsstatistik der Tabelle.</translation>
    </message>
    <message>
        <location filename="../ui/wizard_type.ui" line="22"/>
        <source>Deleted rows must be &amp;kept on the destination</source>
        <translation>&amp;Gelöschte Zeilen müssen auf dem Ziel erhalten bleiben</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_type_page.cpp" line="32"/>
        <source>&amp;snap: snapshot, swapped in whole</source>
        <translation>&amp;snap: Snapshot, als Ganzes ausgetauscht</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_type_page.cpp" line="33"/>
        <source>&amp;table: plain table, emptied and refilled</source>
        <translation>&amp;table: einfache Tabelle, geleert und neu befüllt</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_type_page.cpp" line="34"/>
        <source>&amp;inserter (time): new rows by a timestamp</source>
        <translation>&amp;inserter (time): neue Zeilen anhand eines Zeitstempels</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_type_page.cpp" line="35"/>
        <source>inserter (se&amp;rial): new rows by a number</source>
        <translation>inserter (se&amp;rial): neue Zeilen anhand einer Nummer</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_type_page.cpp" line="36"/>
        <source>&amp;updater (time): new and changed rows by a timestamp</source>
        <translation>&amp;updater (time): neue und geänderte Zeilen anhand eines Zeitstempels</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_type_page.cpp" line="37"/>
        <source>u&amp;pdater (serial): new and changed rows by a number</source>
        <translation>u&amp;pdater (serial): neue und geänderte Zeilen anhand einer Nummer</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_type_page.cpp" line="38"/>
        <source>&amp;dml: every insert, update and delete, by trigger</source>
        <translation>&amp;dml: jedes Einfügen, Ändern und Löschen, per Trigger</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_type_page.cpp" line="39"/>
        <source>&amp;logdel: like dml, deleted rows kept and marked</source>
        <translation>&amp;logdel: wie dml, gelöschte Zeilen bleiben erhalten und werden markiert</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_type_page.cpp" line="120"/>
        <source>Recommended.</source>
        <translation>Empfohlen.</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_type_page.cpp" line="128"/>
        <source>No type fits this table as it is.</source>
        <translation>Kein Typ passt zu dieser Tabelle, so wie sie ist.</translation>
    </message>
    <message>
        <location filename="../src/studio/wizard/wizard_type_page.cpp" line="129"/>
        <source>Recommended: &lt;b&gt;%1&lt;/b&gt;. %2</source>
        <translation>Empfohlen: &lt;b&gt;%1&lt;/b&gt;. %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/studio/main.cpp" line="27"/>
        <source>Open this destination (conninfo or URI) at start.</source>
        <translation>Dieses Ziel (conninfo oder URI) beim Start öffnen.</translation>
    </message>
    <message>
        <location filename="../src/studio/main.cpp" line="30"/>
        <source>Catalog schema of --dest (default mimeo).</source>
        <translation>Katalog-Schema von --dest (Vorgabe mimeo).</translation>
    </message>
    <message>
        <location filename="../src/studio/main.cpp" line="40"/>
        <source>Per-table PostgreSQL replication, on the desktop.</source>
        <translation>Tabellenweise PostgreSQL-Replikation auf dem Desktop.</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../src/studio/background_task.cpp" line="41"/>
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
        <location filename="../src/studio/configeditorpage.cpp" line="47"/>
        <source>Configuration – %1</source>
        <translation>Konfiguration – %1</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="59"/>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="78"/>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="125"/>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="125"/>
        <source>Forget the edits that are not saved and read the catalog again?</source>
        <translation>Nicht gespeicherte Änderungen verwerfen und den Katalog neu lesen?</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="129"/>
        <source>Reading the configuration…</source>
        <translation>Konfiguration wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/configeditorpage.cpp" line="144"/>
        <source>%n configured table(s).</source>
        <translation>
            <numerusform>%n konfigurierte Tabelle.</numerusform>
            <numerusform>%n konfigurierte Tabellen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="162"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/configeditorpage.cpp" line="181"/>
        <source>Saved %n table(s).</source>
        <translation>
            <numerusform>%n Tabelle gespeichert.</numerusform>
            <numerusform>%n Tabellen gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="192"/>
        <source>Nothing was saved: %1: %2</source>
        <translation>Nichts wurde gespeichert: %1: %2</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="198"/>
        <source>Nothing was saved: %1</source>
        <translation>Nichts wurde gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="206"/>
        <source>Edits reverted.</source>
        <translation>Änderungen verworfen.</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="243"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="246"/>
        <source>SQL added to the query on the source. For incremental types it must start with WHERE. Empty removes the condition.</source>
        <translation>SQL, das an die Abfrage auf der Quelle angehängt wird. Bei inkrementellen Typen muss es mit WHERE beginnen. Leer entfernt die Bedingung.</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="256"/>
        <source>One SQL statement per line, run on the destination after each snapshot refresh.</source>
        <translation>Eine SQL-Anweisung pro Zeile; läuft nach jeder Snapshot-Aktualisierung auf dem Ziel.</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="258"/>
        <source>One destination sequence per line (schema.sequence), reset after each refresh.</source>
        <translation>Eine Sequenz des Ziels pro Zeile (schema.sequenz); wird nach jeder Aktualisierung zurückgesetzt.</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="260"/>
        <source>One item per line.</source>
        <translation>Ein Eintrag pro Zeile.</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="277"/>
        <source>filter of %1</source>
        <translation>filter von %1</translation>
    </message>
    <message>
        <location filename="../src/studio/configeditorpage.cpp" line="278"/>
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
        <location filename="../src/studio/destination_service.cpp" line="30"/>
        <source>(libpq defaults)</source>
        <translation>(Vorgaben von libpq)</translation>
    </message>
    <message>
        <location filename="../src/studio/destination_service.cpp" line="48"/>
        <source>source %1</source>
        <translation>Quelle %1</translation>
    </message>
    <message>
        <location filename="../src/studio/destination_service.cpp" line="50"/>
        <source>source %1 (%2 as %3)</source>
        <translation>Quelle %1 (%2 als %3)</translation>
    </message>
    <message>
        <location filename="../src/studio/destination_service.cpp" line="57"/>
        <source>destination %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <location filename="../src/studio/destination_service.cpp" line="91"/>
        <source>%1 (schema %2)</source>
        <translation>%1 (Schema %2)</translation>
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
        <location filename="../ui/mainwindow.ui" line="25"/>
        <source>Destinations</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="32"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="36"/>
        <source>Add a destination database to begin (File ▸ Add Destination…). Double-click a destination to edit its refresh configuration, its sources to manage them, or its roles to give people access.</source>
        <translation>Fügen Sie zu Beginn eine Zieldatenbank hinzu (Datei ▸ Ziel hinzufügen…). Ein Doppelklick auf ein Ziel öffnet seine Aktualisierungskonfiguration, einer auf seine Quellen deren Verwaltung, einer auf seine Rollen die Vergabe von Zugriffsrechten.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="48"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="57"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="67"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="72"/>
        <source>&amp;Destination</source>
        <translation>&amp;Ziel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="80"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="89"/>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="105"/>
        <source>&amp;Add Destination…</source>
        <translation>Ziel &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="106"/>
        <source>Connect to a destination database</source>
        <translation>Mit einer Zieldatenbank verbinden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="107"/>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="110"/>
        <source>&amp;Edit Destination…</source>
        <translation>Ziel &amp;bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="111"/>
        <source>Change how the selected destination is reached</source>
        <translation>Ändern, wie das gewählte Ziel erreicht wird</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="114"/>
        <source>Re&amp;move Destination</source>
        <translation>Ziel &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="115"/>
        <source>Forget the selected destination and its saved password (the database is not touched)</source>
        <translation>Das gewählte Ziel und sein gespeichertes Passwort vergessen (die Datenbank bleibt unberührt)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="118"/>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="119"/>
        <source>Read sources and tables again from every destination</source>
        <translation>Quellen und Tabellen aller Ziele neu lesen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="120"/>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="123"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="124"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="127"/>
        <source>&amp;Save Configuration</source>
        <translation>Konfiguration &amp;speichern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="128"/>
        <source>Write the edited columns of the configuration editor</source>
        <translation>Die geänderten Spalten des Konfigurationseditors schreiben</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="129"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="132"/>
        <source>Re&amp;vert Configuration</source>
        <translation>Konfiguration &amp;verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="133"/>
        <source>Forget the edits that are not saved</source>
        <translation>Die nicht gespeicherten Änderungen verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="136"/>
        <source>&amp;Configuration</source>
        <translation>&amp;Konfiguration</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="137"/>
        <source>Edit the refresh configuration of the selected destination</source>
        <translation>Die Aktualisierungskonfiguration des gewählten Ziels bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="138"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="141"/>
        <source>S&amp;ources</source>
        <translation>&amp;Quellen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="142"/>
        <source>Manage the source databases of the selected destination</source>
        <translation>Die Quelldatenbanken des gewählten Ziels verwalten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="143"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="146"/>
        <source>&amp;Roles</source>
        <translation>&amp;Rollen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="147"/>
        <source>Make login roles monitors or operators of the selected destination&apos;s catalog</source>
        <translation>Login-Rollen zu Beobachtern oder Operatoren des Katalogs des ausgewählten Ziels machen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="148"/>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="151"/>
        <source>&amp;Install or Upgrade Catalog…</source>
        <translation>Katalog &amp;installieren oder aktualisieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="152"/>
        <source>Create the catalog, upgrade it, or adopt an existing mimeo extension install</source>
        <translation>Den Katalog anlegen, aktualisieren oder eine bestehende Installation der mimeo-Erweiterung übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="155"/>
        <source>&amp;About Mimeo Studio</source>
        <translation>&amp;Über Mimeo Studio</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="184"/>
        <location filename="../src/studio/mainwindow.cpp" line="206"/>
        <source>(libpq defaults)</source>
        <translation>(Vorgaben von libpq)</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="79"/>
        <source>No keychain is available (%1). Passwords are asked for when needed and kept in memory until you quit; they are never written to disk.</source>
        <translation>Kein Schlüsselbund verfügbar (%1). Passwörter werden bei Bedarf abgefragt und bis zum Beenden im Speicher gehalten; sie werden nie auf die Platte geschrieben.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="81"/>
        <source>No keychain: passwords kept in memory only</source>
        <translation>Kein Schlüsselbund: Passwörter nur im Speicher</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="164"/>
        <source>Edit Destination</source>
        <translation>Ziel bearbeiten</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="179"/>
        <source>Remove Destination</source>
        <translation>Ziel entfernen</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="180"/>
        <source>Forget %1 and its saved password? The database and its catalog are not touched.</source>
        <translation>%1 und das gespeicherte Passwort vergessen? Die Datenbank und ihr Katalog bleiben unberührt.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="186"/>
        <source>Removed destination %1</source>
        <translation>Ziel %1 entfernt</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="204"/>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="206"/>
        <source>Reading destination %1</source>
        <translation>Lese Ziel %1</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="207"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="215"/>
        <source>Connected to %1: PostgreSQL %2, %3 sources, %4 tables</source>
        <translation>Verbunden mit %1: PostgreSQL %2, %3 Quellen, %4 Tabellen</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="219"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="226"/>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="227"/>
        <source>Connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/mainwindow.cpp" line="254"/>
        <source>%n source(s) of %1 keep their password in plain text in %2.dblink_mapping_mimeo (pwd or inside data_source).</source>
        <translation>
            <numerusform>%n Quelle von %1 hält ihr Passwort im Klartext in %2.dblink_mapping_mimeo (pwd oder in data_source).</numerusform>
            <numerusform>%n Quellen von %1 halten ihr Passwort im Klartext in %2.dblink_mapping_mimeo (pwd oder in data_source).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/mainwindow.cpp" line="264"/>
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
        <location filename="../src/studio/mainwindow.cpp" line="259"/>
        <source>No keychain is available, so those passwords stay where they are.</source>
        <translation>Kein Schlüsselbund verfügbar, daher bleiben diese Passwörter, wo sie sind.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="263"/>
        <source>Move Passwords to the Keychain</source>
        <translation>Passwörter in den Schlüsselbund verschieben</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="271"/>
        <source>The passwords stay in the catalog.</source>
        <translation>Die Passwörter bleiben im Katalog.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="278"/>
        <source>Moving passwords stopped: %1</source>
        <translation>Verschieben der Passwörter abgebrochen: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/mainwindow.cpp" line="279"/>
        <source>%n password(s) moved to the keychain.</source>
        <translation>
            <numerusform>%n Passwort in den Schlüsselbund verschoben.</numerusform>
            <numerusform>%n Passwörter in den Schlüsselbund verschoben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="291"/>
        <source>The destination is not loaded yet.</source>
        <translation>Das Ziel ist noch nicht geladen.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="237"/>
        <source>Roles of %1: %2</source>
        <translation>Rollen von %1: %2</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="351"/>
        <source>Catalog of %1 installed or upgraded.</source>
        <translation>Katalog von %1 installiert oder aktualisiert.</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="364"/>
        <source>About Mimeo Studio</source>
        <translation>Über Mimeo Studio</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="365"/>
        <source>&lt;h3&gt;Mimeo Studio %1&lt;/h3&gt;&lt;p&gt;Per-table PostgreSQL replication: snapshot, table, incremental, dml and logdel, compatible with the mimeo extension&apos;s catalog.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Mimeo Studio %1&lt;/h3&gt;&lt;p&gt;Tabellenweise PostgreSQL-Replikation: Snapshot, Tabelle, inkrementell, dml und logdel, kompatibel mit dem Katalog der mimeo-Erweiterung.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="396"/>
        <source>Unsaved Changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../src/studio/mainwindow.cpp" line="397"/>
        <source>The configuration of %1 has edits that are not saved. Quit anyway?</source>
        <translation>Die Konfiguration von %1 hat nicht gespeicherte Änderungen. Trotzdem beenden?</translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="39"/>
        <source>Not reachable: %1</source>
        <translation>Nicht erreichbar: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="47"/>
        <source>PostgreSQL %1, %2</source>
        <translation>PostgreSQL %1, %2</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="48"/>
        <source>standby</source>
        <translation>Standby</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="48"/>
        <source>primary</source>
        <translation>Primärserver</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="50"/>
        <source>No catalog in schema %1</source>
        <translation>Kein Katalog im Schema %1</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="54"/>
        <source>Sources (%1)</source>
        <translation>Quellen (%1)</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="57"/>
        <source>%1: %2 as %3</source>
        <translation>%1: %2 als %3</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="65"/>
        <source>Tables (%1)</source>
        <translation>Tabellen (%1)</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="78"/>
        <source>%1 from %2 (source %3)</source>
        <translation>%1 aus %2 (Quelle %3)</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="89"/>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <location filename="../src/studio/navigator_model.cpp" line="91"/>
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

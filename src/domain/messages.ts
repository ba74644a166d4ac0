// The one message catalogue: every text a user reads (CLI, workbooks, task pane) comes from here.
// Placeholders are {name}. Another language is another catalogue with the same keys.

const nl = {
  // Severity and totals
  'severity.error': 'fout',
  'severity.warning': 'waarschuwing',
  'severity.info': 'opmerking',

  // Refused files (the file is named by the caller before the message)
  'refuse.lock-file':
    'dit is een tijdelijk vergrendelingsbestand van Excel (begint met ~$), geen werkmap. Negeer het; het verdwijnt wanneer Excel de werkmap sluit.',
  'refuse.not-found': 'het bestand bestaat niet. Controleer de naam en de map.',
  'refuse.no-access':
    'u hebt geen toegang tot dit bestand of deze map (rechten). Vraag toegang aan wie de gedeelde map beheert.',
  'refuse.in-use':
    'het bestand is in gebruik door een ander programma (bv. open in Excel). Sluit het en probeer opnieuw.',
  'refuse.not-a-file': 'dit is geen bestand (maar bv. een map).',
  'refuse.empty':
    'het bestand is leeg (0 bytes). Sla de werkmap opnieuw op in Excel en lever ze opnieuw aan.',
  'refuse.too-large':
    'het bestand is te groot ({size}; de grens is {limit}). Verwijder lege rijen, afbeeldingen of extra bladen en probeer opnieuw.',
  'refuse.xls':
    'dit is een oud Excel-bestand (.xls). Open het in Excel en kies Opslaan als > Excel-werkmap (.xlsx).',
  'refuse.encrypted':
    'de werkmap is beveiligd met een wachtwoord. Verwijder het wachtwoord (Bestand > Info > Werkmap beveiligen) en lever ze opnieuw aan.',
  'refuse.csv':
    'dit is een CSV-bestand, geen werkmap. Open het in Excel en kies Opslaan als > Excel-werkmap (.xlsx).',
  'refuse.xlsm':
    "dit is een werkmap met macro's (.xlsm). Kies in Excel Opslaan als > Excel-werkmap (.xlsx); de gegevens blijven, de macro's niet.",
  'refuse.ods':
    'dit is een OpenDocument-rekenblad (.ods). Kies in LibreOffice Opslaan als > Excel 2007-365 (.xlsx).',
  'refuse.not-zip':
    'dit is geen Excel-werkmap (misschien een CSV- of tekstbestand met een .xlsx-naam). Open het in Excel en sla het op als Excel-werkmap (.xlsx).',
  'refuse.truncated':
    'de werkmap is beschadigd of onvolledig (bv. een afgebroken download). Download of kopieer ze opnieuw.',
  'refuse.not-xlsx':
    'dit zip-bestand is geen Excel-werkmap (er is geen werkmap in). Lever een .xlsx-bestand aan.',
  'refuse.bomb':
    'de werkmap pakt uit tot meer dan {limit} en wordt niet gelezen (mogelijk schadelijk). Lever een gewone werkmap aan.',
  'refuse.too-many-rows':
    'de werkmap heeft te veel rijen of kolommen (de grens is {rows} rijen en {cols} kolommen per blad). Verwijder lege of overbodige rijen.',
  'refuse.download':
    'het bestand kon niet opgehaald worden ({reason}). De volgende synchronisatie probeert het opnieuw.',
  'refuse.unreadable':
    'de werkmap kan niet gelezen worden ({reason}). Open ze in Excel, sla ze opnieuw op en lever ze opnieuw aan.',
  // Validation: the message of each issue code (src/domain/issue.ts), 'issue.<code>'
  'issue.is-overview':
    'dit is een regionaal overzicht dat Partnerschap maakte, geen werkmap om in te vullen. Het wordt niet gecontroleerd.',
  'issue.unknown-kind':
    "onbekend soort werkmap: er is geen blad Persona's, Noden, Aanbod of Kandidatuur met de juiste kolomkoppen. Gebruik een sjabloon van Partnerschap.",

  'issue.sheet-missing':
    'het blad "{sheet}" ontbreekt. Gebruik het sjabloon of voeg het blad opnieuw toe.',
  'issue.column-missing':
    'de kolom "{header}" ontbreekt in rij 1. Zet de kolomkop terug zoals in het sjabloon.',
  'issue.column-unknown':
    'de kolom "{header}" is onbekend en wordt niet overgenomen. Verplaats wat erin staat naar een bestaande kolom (bv. Toelichting).',
  'issue.column-retired':
    'de kolom "{header}" hoort niet meer bij het sjabloon en wordt niet gelezen. U mag ze laten staan of verwijderen.',
  'issue.required': '"{header}" is verplicht en is leeg.',
  'issue.not-in-list':
    '"{value}" staat niet in de lijst voor "{header}". Kies een waarde uit de keuzelijst.',
  'issue.not-in-list-near':
    '"{value}" staat niet in de lijst voor "{header}". Bedoelde u {nearest}? Kies een waarde uit de keuzelijst.',
  'issue.read-as':
    '"{value}" gelezen als "{read}" ({header}). Kies voortaan een waarde uit de keuzelijst.',
  'issue.value-skipped': '{problem} De rij is overgenomen zonder deze waarde.',
  'issue.words-skipped': '{problem} De rij is overgenomen met de andere waarden van deze cel.',
  'issue.not-number': '"{value}" is geen getal. Vul een getal in, bv. 12 of 3,5.',
  'issue.not-integer': '"{value}" is geen geheel getal. Vul een geheel getal in, bv. 12.',
  'issue.negative': '{value} is negatief. Vul 0 of meer in.',
  'issue.not-date': '"{value}" is geen datum. Vul een datum in als dd/mm/jjjj.',
  'issue.not-email': '"{value}" is geen geldig e-mailadres.',
  'issue.cell-error': 'de cel bevat de foutwaarde {value}. Vul een waarde in.',
  'issue.cell-too-long':
    'de cel bevat {length} tekens, meer dan de {max} die Excel in een cel toont. Excel kapt de rest stilzwijgend af; wij korten de tekst in het overzicht zichtbaar in. Maak de tekst korter.',
  'cell.cut': ' … [ingekort: een cel houdt hoogstens {max} tekens]',
  'issue.formula':
    'de cel bevat een formule; we nemen de berekende waarde over ("{value}"). Typ liever de waarde zelf.',
  'issue.formula-text':
    'de tekst begint met "{char}". We bewaren hem als tekst, nooit als formule; begin de tekst liever met een woord.',
  'issue.privacy': "dit lijkt {what}. Persona's en noden zijn anoniem: verwijder persoonsgegevens.",
  'issue.duplicate-key':
    '"{value}" komt al voor in rij {first}. Elke {header} mag maar één keer voorkomen.',
  'issue.unknown-reference':
    '{header} "{value}" bestaat niet op het blad "{sheet}". Vul het daar eerst in.',
  'issue.late':
    'ontvangen op {received}, na de deadline van {deadline} (Brusselse tijd). Deze kandidatuur is te laat.',
  'issue.subject': 'het onderwerp van de e-mail is "{value}"; de oproep vraagt "{expected}".',
  'issue.received-missing':
    'ontvangstmoment niet ingevuld. Vul datum en uur van de e-mail in, of neem de e-mail in met partnerschap intake.',
  'issue.subject-missing':
    'onderwerp van de e-mail niet ingevuld. Vul het in, of neem de e-mail in met partnerschap intake.',
  'issue.dates-order': '"{to}" ligt voor "{from}".',
  'issue.region-mismatch':
    'deze werkmap hoort bij regio "{found}", niet bij "{expected}". Gebruik het sjabloon van uw regio.',
  'issue.version-old':
    'nieuwere sjabloonversie beschikbaar ({current}; deze werkmap: {found}). De werkmap wordt gewoon gelezen; bijwerken kan met "Werkmap bijwerken" in Excel of partnerschap upgrade.',
  'issue.no-sheet':
    'geen blad herkend: de werkmap heeft de bladen {found}. Geef de bladen opnieuw de naam uit het sjabloon.',
  'issue.no-rows':
    'geen rijen gevonden: de werkmap bevat nog geen gegevens. Vul de tabel in vanaf rij 2 en lever de werkmap opnieuw aan.',
  'issue.duplicate-row':
    'dubbel van {path}, rij {row} ({label}): deze rij telt niet mee. Verwijder het bestand of de rij die niet meer geldt.',
  'issue.duplicate-workbook':
    'dubbel: {municipality} heeft al een werkmap ({path}) en alleen die telt mee; deze rij ({label}) telt niet mee. Zet alles in één werkmap en verwijder de andere.',
  'issue.kind-from-headers':
    'het verborgen blad _meta ontbreekt; het soort werkmap ({kind}) is afgeleid uit de kolomkoppen.',

  // Uitleg sheet of the templates, and the input and error messages of their cells
  'uitleg.title.gemeente': "Persona's en noden van {owner} – lokaal partnerschap {region}",
  'uitleg.title.aanbod': 'Aanbodinventaris – lokaal partnerschap {region}',
  'uitleg.title.kandidatuur': 'Kandidatuur voor de oproep Capacity Building – {region}',
  'uitleg.title.opvolging': 'Opvolging van de kandidaturen – {region}',
  'uitleg.topic.purpose': 'Waarvoor?',
  'uitleg.purpose.gemeente':
    "In deze werkmap beschrijft de gemeente {owner} haar persona's en hun noden. Een persona is een verzonnen burger, samengesteld uit meerdere burgers met gelijkaardige drempels. De coördinator legt de werkmappen van alle gemeenten samen in een regionaal overzicht en zoekt welk aanbod bij welke noden past.",
  'uitleg.purpose.aanbod':
    'In deze werkmap beschrijft een partner zijn aanbod: welke hulp of begeleiding, voor wie, waar en met welke wachttijd. De coördinator legt het aanbod van alle partners samen en zoekt welk aanbod past bij de noden van de gemeenten.',
  'uitleg.purpose.kandidatuur':
    'Met deze werkmap dient een partner een projectvoorstel in voor de oproep Capacity Building in {region}. Vul één rij in per projectvoorstel.',
  'uitleg.purpose.opvolging':
    'Met deze werkmap volgt de coördinator elke kandidatuur door de stappen van de oproep: ontvangst, ontvankelijkheid, beoordeling, pitch, beslissing en weerwoord.',
  'uitleg.topic.who': 'Wie vult in?',
  'uitleg.who.gemeente':
    "De medewerkers van de gemeente {owner} (sociale dienst, OCMW, lokaal loket werk) die de persona's en noden opstellen, bv. na de arena-analyse of de verrijkingsdag.",
  'uitleg.who.aanbod':
    'Een medewerker van de partnerorganisatie die het aanbod goed kent. Hebt u meer dan één aanbod, vul dan per aanbod een rij in.',
  'uitleg.who.kandidatuur':
    'De organisatie die het voorstel indient en trekt (de trekker), samen met haar copartners.',
  'uitleg.who.opvolging':
    'De coördinator. De synchronisatie vult de grijze kolommen in en houdt ze bij; de andere kolommen vult u zelf in, en die blijven altijd zoals u ze typte.',
  'uitleg.send.opvolging':
    'Deze werkmap blijft op de gedeelde map; de synchronisatie leest en schrijft ze. Laat de naam en de map ongewijzigd.',
  'uitleg.topic.how': 'Hoe invullen?',
  'uitleg.how.sheet':
    'Vul de tabel op het blad "{sheet}" in, vanaf rij 2. Ze heeft {rows} lege rijen; meer nodig? Typ gewoon verder in de rij onder de tabel, of voeg rijen in binnen de tabel (rechtsklik op een rij, Invoegen). De keuzelijsten gelden ook daar.',
  'uitleg.how.sheet-by-sync':
    'Op het blad "{sheet}" zet de synchronisatie een rij per kandidatuur; u vult er de witte kolommen in.',
  'uitleg.how.select':
    'Klik op een cel: er verschijnt een korte uitleg over wat u er invult. Onderaan dit blad staat per kolom wat u invult en of het verplicht is.',
  'uitleg.how.list':
    'Kolommen met een keuzelijst: klik op het pijltje rechts van de cel en kies een waarde. Typ geen eigen varianten, want die kunnen niet samengeteld worden.',
  'uitleg.how.several':
    'Meer dan één waarde? Scheid ze met een puntkomma (;), bv. "Nederlands; Frans". Excel meldt dan dat de waarde niet in de lijst staat: klik op OK om ze te bewaren.',
  'uitleg.how.format':
    'Datums vult u in als dd/mm/jjjj, getallen zonder punt voor de duizendtallen (bv. 45000).',
  'uitleg.how.keep':
    'Verander de kolomkoppen in rij 1 en de namen van de bladen niet, en voeg geen kolommen of bladen toe: anders kan de werkmap niet ingelezen worden.',
  'uitleg.how.copy':
    'De bladen {sheets} kunt u alleen lezen: de coördinator vult ze met het aanbod van de partners en de tijdlijn van de oproep.',
  'uitleg.topic.privacy': 'Privacy',
  'uitleg.privacy.gemeente':
    "Persona's en noden zijn anoniem. Een persona is altijd een samenstelling van meerdere burgers, nooit een echte cliënt. Vul nooit namen, rijksregisternummers, telefoonnummers, e-mailadressen of rekeningnummers (IBAN) van burgers in, ook niet in een toelichting of omschrijving. De controle meldt zulke gegevens als fout.",
  'uitleg.privacy.partner':
    'Vul geen gegevens van cliënten in. Alleen de contactgegevens van uw organisatie of dienst horen in deze werkmap.',
  'uitleg.topic.send': 'Indienen',
  'uitleg.send.gemeente':
    'Bewaar de werkmap in de gedeelde map van het partnerschap en verander de bestandsnaam niet. De coördinator neemt ze van daar mee in het regionaal overzicht.',
  'uitleg.send.aanbod':
    'Mail de ingevulde werkmap naar {contact} ({organisation}): {email}. Verandert uw aanbod, pas de werkmap dan aan en stuur ze opnieuw.',
  'uitleg.send.kandidatuur':
    'Mail de ingevulde werkmap naar {email} met als onderwerp "{subject}".',
  'uitleg.send.deadline': 'Uiterlijk op {deadline}.',
  'uitleg.topic.questions': 'Vragen?',
  'uitleg.questions': '{contact}, {organisation}, {email}',
  'uitleg.columns': 'Kolommen van het blad "{sheet}"',
  'uitleg.col.header': 'Kolom',
  'uitleg.col.required': 'Verplicht',
  'uitleg.col.help': 'Wat vult u in?',
  'uitleg.yes': 'ja',
  'uitleg.no': 'nee',
  'uitleg.check.title': 'Ongeldige waarde',
  'uitleg.check.list-title': 'Niet in de lijst',
  'uitleg.check.choice':
    'Kies een waarde uit de keuzelijst: klik op het pijltje rechts van de cel.',
  'uitleg.check.choices':
    'Deze waarde staat niet in de lijst. Meer dan één waarde, gescheiden door een puntkomma (;)? Klik dan op OK. Anders: klik op Annuleren en kies uit de lijst.',
  'uitleg.check.integer': 'Vul een geheel getal in: 0 of meer, zonder punt of komma.',
  'uitleg.check.number': 'Vul een getal in: 0 of meer, bv. 12 of 3,5.',
  'uitleg.check.date': 'Vul een datum in als dd/mm/jjjj, bv. 28/04/2023.',
  'uitleg.check.datetime': 'Vul een datum en uur in als dd/mm/jjjj uu:mm, bv. 09/06/2023 14:30.',

  // Privacy kinds, as they fill {what}
  'privacy.rijksregisternummer': 'een rijksregisternummer',
  'privacy.iban': 'een rekeningnummer (IBAN)',
  'privacy.telefoon': 'een telefoonnummer',
  'privacy.email': 'een e-mailadres',
  'privacy.masked': '[persoonsgegevens weggelaten]',

  // Regional overview: sheet names, headers and texts of the generated workbook
  'sheet.overzicht': 'Overzicht',
  'sheet.dekking': 'Dekking',
  'sheet.hiaten': 'Hiaten',
  'sheet.personas': "Persona's",
  'sheet.noden': 'Noden',
  'sheet.aanbod': 'Aanbod',
  'sheet.kandidaturen': 'Kandidaturen',
  'sheet.bronnen': 'Bronnen',
  'sheet.afgewezen': 'Afgewezen rijen',
  'overview.title': 'Regionaal overzicht – lokaal partnerschap {region}',
  'overview.subtitle':
    'Stand op {date}: aanbod telt mee als het op die dag geldig is. Een hiaat is een probleemgebied met noden in een gemeente, maar zonder actief aanbod of met alleen aanbod dat langer dan {weeks} weken wacht. Aantallen burgers van 1 tot 4 staan hier als "< 5"; de bladen met de rijen tonen ze wel.',
  'overview.sources-line':
    '{files|bestand|bestanden} ({unreadable} niet leesbaar). Rijen: {read} gelezen = {taken} overgenomen + {refused} afgewezen (zie de bladen Bronnen en Afgewezen rijen).',
  'overview.col.gemeente': 'Gemeente',
  'overview.col.personas': "Persona's",
  'overview.col.citizens': 'Geschat aantal burgers',
  'overview.col.needs': 'Noden',
  'overview.col.offers': 'Actief aanbod',
  'overview.col.candidacies': 'Kandidaturen',
  'overview.col.gaps': 'Hiaten',
  'overview.row.unknown': '(geen gemeente van de regio)',
  'overview.row.region': 'Regio {region}',
  'overview.col.figure': 'Kerncijfer van de regio',
  'overview.col.year': 'Jaar',
  'overview.dekking.title': 'Dekking: vraag en actief aanbod per probleemgebied en gemeente',
  'overview.dekking.explain':
    'Stand op {date}. Vraag: het geschat aantal burgers van de persona\'s met minstens één nood in het probleemgebied ("< 5" voor 1 tot 4). Aanbod: het aanbod dat op die dag geldig is en de gemeente bedient (ook "Hele regio"). Rood: noden zonder aanbod; oranje: alleen aanbod met meer dan {weeks} weken wachttijd (zie Hiaten).',
  'overview.hiaten.title': 'Hiaten: noden zonder passend aanbod',
  'overview.hiaten.explain':
    'Stand op {date}. Een hiaat is een probleemgebied met noden in een gemeente, zonder actief aanbod of met alleen aanbod dat langer dan {weeks} weken wacht. Vraag: het geschat aantal burgers van de persona\'s met die nood ("< 5" voor 1 tot 4). Per hiaat de kandidaturen die het aanpakken: hun probleemgebied, in die gemeente of de hele regio.',
  'overview.dekking.demand': 'Vraag: geschat aantal burgers',
  'overview.dekking.offers': 'Aanbod: aantal actieve aanbiedingen',
  'overview.dekking.wait': 'Kortste wachttijd (weken)',
  'overview.dekking.region': 'Hele regio',
  'overview.col.area': 'Probleemgebied',
  'overview.col.reason': 'Reden',
  'overview.col.demand': 'Vraag (geschat aantal burgers)',
  'overview.col.persona-ids': "Persona's (ID)",
  'overview.col.shortest-wait': 'Kortste wachttijd (weken)',
  'overview.col.gap-candidacies': 'Kandidaturen die dit hiaat aanpakken',
  'overview.col.fills-gaps': 'Vult hiaten',
  'overview.col.gap-citizens': 'Inwoners in die hiaten',
  'overview.reason.no-offer': 'geen aanbod',
  'overview.reason.long-wait': 'wachttijd langer dan {weeks} weken',
  'overview.col.source': 'Bron-bestand',
  'overview.col.row': 'Rij',
  'overview.col.file': 'Bestand',
  'overview.col.kind': 'Soort',
  'overview.col.owner': 'Eigenaar',
  'overview.col.status': 'Gelezen',
  'overview.col.rows-read': 'Rijen gelezen',
  'overview.col.rows-taken': 'Rijen overgenomen',
  'overview.col.rows-refused': 'Rijen afgewezen',
  'overview.col.errors': 'Fouten',
  'overview.col.warnings': 'Waarschuwingen',
  'overview.col.messages': 'Meldingen',
  'overview.col.duplicates': 'Dubbels',
  'overview.col.md5': 'MD5-controlegetal',
  'overview.col.bytes': 'Grootte (bytes)',
  'overview.col.sheet': 'Blad',
  'overview.col.reasons': 'Waarom afgewezen',
  'overview.col.values': 'Gelezen waarden',
  'overview.read': 'ja',
  'overview.unreadable': 'nee, niet leesbaar',
  'overview.issue': '{severity}: {message}',
  'overview.issue-at': '{severity} in {where}: {message}',
  'overview.more': '… en nog {count} (zie partnerschap validate)',
  'overview.col.delivery': 'Werkmap',
  'overview.col.updated': 'Laatst bijgewerkt',
  'overview.delivery.delivered': 'ingediend',
  'overview.delivery.refused': 'ingediend, niet leesbaar',
  'overview.delivery.missing': 'niet ingediend',
  'overview.delivery.empty': 'ingediend, maar leeg',
  'overview.delivery.empty-line':
    'Ingediend maar zonder één rij: {list}. Hun cijfers staan leeg, niet op 0; vraag de gemeente de werkmap in te vullen.',
  'overview.delivery.missing-line':
    "Niet ingediend: {list} ({count} van {total} gemeenten). Hun persona's en noden ontbreken in dit overzicht; hun cijfers staan leeg, niet op 0.",
  'overview.delivery.refused-line':
    'Ingediend maar niet leesbaar: {list}. Zie het blad Bronnen voor de reden; hun cijfers staan leeg.',
  'overview.folder-empty.gemeente':
    'De map {folder} is leeg: geen enkele gemeente heeft een werkmap ingediend.',
  'overview.folder-empty.aanbod': 'De map {folder} is leeg: geen aanbod ingediend.',
  'overview.folder-empty.kandidatuur': 'De map {folder} is leeg: geen kandidaturen ingediend.',
  'overview.duplicates-line':
    '{count|bestand telt|bestanden tellen} niet of maar deels mee omdat een ander bestand dezelfde gemeente of dezelfde rijen al aanlevert: zie "Dubbele bestanden" onder de tabel.',
  'overview.duplicates-title': 'Dubbele bestanden (hun dubbele rijen tellen niet mee)',
  'overview.duplicate.identical':
    '{refused} is identiek aan {kept}: {rows|rij|rijen} afgewezen als dubbel. Verwijder de kopie.',
  'overview.duplicate.same-municipality':
    '{refused} is een tweede werkmap van {municipality}, naast {kept}: {rows|rij|rijen} afgewezen, alleen {kept} telt mee.',
  'overview.duplicate.same-records':
    '{refused} herhaalt aanbod uit {kept}: {rows|rij|rijen} afgewezen als dubbel.',

  // The steering-group report (Regionaal overzicht.html)
  'report.call': 'Waar staat de oproep?',
  'report.next': 'Volgende stap: {label} ({when}).',
  'report.next-days': 'Nog {days|dag|dagen}.',
  'report.next-now': 'Deze stap is nu bezig.',
  'report.no-next': 'Alle stappen van de tijdlijn zijn voorbij.',
  'report.candidacies': 'Kandidaturen ingediend: {count}.',
  'report.candidacies-taken':
    'Kandidaturen ingediend: {count}, waarvan {taken} in dit overzicht (de andere: zie Afgewezen rijen).',
  'report.overdue': 'Achterstallige herinneringen: {count}',
  'report.overdue-none': 'Geen achterstallige herinneringen.',
  'report.overdue-item': '{title} (voor {who}, uiterlijk {when})',
  'report.overdue-more': 'en nog {count} (zie het blad Herinneringen)',
  'report.stages': 'Per stadium: {list}.',
  'report.stages-none': 'Per stadium: nog geen kandidatuur in het opvolgingsbestand.',
  'report.no-tracker':
    'Geen opvolgingsbestand gevonden: het stadium van de kandidaturen is niet bekend.',
  'report.municipalities': 'Per gemeente',
  'report.figures': 'Kerncijfers van de regio',
  'report.coverage-explain':
    'Elke cel toont het geschatte aantal burgers met een nood in het probleemgebied, het aantal actieve aanbiedingen en wat dat betekent. De kleur herhaalt die betekenis.',
  'report.legend': 'Betekenis van de kleuren',
  'report.cell.demand': '{count} burgers',
  'report.cell.offers': 'aanbod: {count}',
  'report.cell.no-offer': 'hiaat: geen aanbod',
  'report.cell.long-wait': 'hiaat: wacht langer dan {weeks} weken',
  'report.cell.covered': 'gedekt',
  'report.cell.no-demand': 'geen vraag',
  'report.not-delivered': 'geen gegevens',
  'report.charts': 'Grafieken',
  'report.chart.table': 'De cijfers van deze grafiek',
  'report.chart.demand.title': 'Vraag en actief aanbod per probleemgebied',
  'report.chart.demand.description':
    'Voor de hele regio {region}: links het geschatte aantal burgers met een nood in elk probleemgebied, rechts het aantal actieve aanbiedingen. De cijfers staan naast de balken en in de tabel bij de grafiek.',
  'report.chart.demand.demand': 'Vraag (geschat aantal burgers)',
  'report.chart.demand.offers': 'Actief aanbod',
  'report.chart.gaps.title': 'Hiaten per gemeente',
  'report.chart.gaps.description':
    'Per gemeente het aantal probleemgebieden met noden maar zonder actief aanbod, of met alleen aanbod dat langer dan {weeks} weken wacht. Een gemeente zonder werkmap die telt heeft geen gegevens.',
  'report.chart.gaps.axis': 'Hiaten',
  'report.chart.stages.title': 'Kandidaturen per stadium',
  'report.chart.stages.description':
    'Hoeveel kandidaturen van het opvolgingsbestand in elk stadium van de oproep staan.',
  'report.chart.stages.axis': 'Kandidaturen',
  'report.chart.stages.stage': 'Stadium',
  'report.chart.stages.none': '(geen stadium)',

  // Regional overview: the Grafieken sheet (native Excel charts of the report's figures)
  'sheet.grafieken': 'Grafieken',
  'overview.charts.title': 'Grafieken – lokaal partnerschap {region}',
  'overview.charts.intro':
    'Stand op {date}. Elke grafiek toont de cijfers uit de tabel links ervan, dezelfde als in het verslag voor de stuurgroep. Aantallen burgers van 1 tot 4 staan als "< 5".',
  'overview.charts.demand.title': 'Noden en actief aanbod per probleemgebied',
  'overview.charts.demand.axis': 'Aantal noden of aanbiedingen',
  'overview.charts.demand.description':
    'Voor de hele regio {region}: per probleemgebied het aantal noden naast het aantal actieve aanbiedingen. Het geschatte aantal burgers staat in de tabel.',
  'report.timeline': 'Tijdlijn van de oproep',
  'report.timeline.when': 'Wanneer',
  'report.footer':
    'Gemaakt door Partnerschap uit dezelfde gegevens als het regionaal overzicht in Excel, dat ook de rijen, de bronnen en de afgewezen rijen toont.',

  // `partnerschap overview`
  'cli.overview': 'maak het regionaal overzicht van alle werkmappen in een map',
  'cli.overview-opt-in': 'de map met de werkmappen (alle .xlsx-bestanden eronder)',
  'cli.overview-opt-out': 'het overzicht om te schrijven (een .xlsx-bestand)',
  'cli.overview-opt-at':
    'de dag waarop aanbod geldig moet zijn, als dd/mm/jjjj (standaard vandaag)',
  'cli.overview-opt-wait':
    'noden met alleen aanbod dat langer wacht dan dit aantal weken zijn hiaten (standaard 8)',
  'cli.overview-in-missing': 'de map {dir} bestaat niet of is geen map.',
  'cli.overview-out-xlsx': 'het overzicht moet een .xlsx-bestand zijn, niet "{file}".',
  'cli.overview-invalid-date': '--at: "{value}" is geen datum. Gebruik dd/mm/jjjj, bv. 09/06/2023.',
  'cli.overview-invalid-weeks': '--wachttijd: "{value}" is geen aantal weken (0 of meer).',
  'cli.overview-no-files':
    'er staan geen .xlsx-bestanden in {dir}. Er is geen overzicht geschreven.',
  'cli.overview-nothing-read':
    'geen enkele werkmap in {dir} kon gelezen worden. Er is geen overzicht geschreven.',
  'cli.overview-refused': '{file}: niet gelezen: {message}',
  'cli.cell-cut':
    '{file}: blad {sheet}, cel {cell}: de tekst is langer dan een cel toont (32.767 tekens) en is zichtbaar ingekort.',
  'cli.skipped': '{file}: overgeslagen: {reason}',
  'cli.skip.lock-file': 'een tijdelijk vergrendelingsbestand van Excel, geen werkmap.',
  'cli.skip.backup':
    'het origineel dat partnerschap upgrade bewaarde, geen werkmap om in te lezen. Verwijder het wanneer u het niet meer nodig hebt.',
  'cli.skip.link': 'een snelkoppeling (symbolische link). Zet het bestand zelf in de map.',
  'cli.skip.not-spreadsheet': 'geen Excel-werkmap (.xlsx).',
  'cli.skip.overview': 'dit is zelf een regionaal overzicht.',
  'cli.skip.output': 'dit is het overzicht dat nu geschreven wordt.',
  'cli.overview-files':
    'Bestanden: {files} gevonden, {read} gelezen, {unreadable} niet leesbaar, {skipped} overgeslagen.',
  'cli.overview-rows':
    'Rijen: {read} gelezen = {taken} overgenomen + {refused} afgewezen (zie het blad "{sheet}").',
  'cli.overview-gaps':
    'Hiaten: {gaps} (noden zonder aanbod of met alleen aanbod dat langer dan {weeks} weken wacht, op {date}).',
  'cli.overview-duplicates':
    'Dubbel: {count|bestand telt|bestanden tellen} niet of maar deels mee (zie het blad Overzicht, onder de tabel):',
  'cli.overview-written': 'Overzicht geschreven: {file}',
  'cli.report-written': 'Verslag voor de stuurgroep geschreven: {file}',

  // partnerschap export --hsds: the offer inventory as Open Referral HSDS 3.0
  'cli.export':
    'schrijf het geldige aanbod als open data (Open Referral HSDS 3.0: CSV en datapackage.json)',
  'cli.export-opt-hsds': 'de map waarin de HSDS-bestanden komen (wordt aangemaakt)',
  'cli.export-opt-at': 'de dag waarop het aanbod geldig moet zijn (dd/mm/jjjj); standaard vandaag',
  'cli.export-not-dir': '--hsds: {dir} is een bestand, geen map.',
  'cli.export-no-files':
    'er staat geen aanbod in de map {folder} van {drive}. Er is niets geschreven.',
  'cli.export-nothing-read':
    'geen enkele aanbodwerkmap in de map {folder} van {drive} kon gelezen worden. Er is niets geschreven.',
  'cli.export-rows-refused':
    '{file}: {count|aanbodrij|aanbodrijen} afgewezen en niet uitgevoerd. Zie de feedback van de synchronisatie of partnerschap validate.',
  'cli.export-double':
    '{file}, rij {row}: "{naam}" van {partner} staat al eerder in dit bestand; deze rij is niet uitgevoerd.',
  'cli.export-summary':
    '{services|aanbod|aanbod} van {organizations|partner|partners} uitgevoerd, geldig op {date}. {inactive|aanbod|aanbod} is op die dag niet geldig en niet uitgevoerd.',
  'cli.export-written': 'HSDS 3.0 geschreven in {dir}: {files}.',
  'hsds.package-title': 'Aanbod van het lokaal partnerschap {region}',
  'hsds.package-description':
    'Het aanbod van de partners dat geldig is op {date}, in Open Referral HSDS 3.0 (tabelvorm).',
  'hsds.organization-description': 'Partner van het lokaal partnerschap {region}.',
  'hsds.area-region': 'Alle gemeenten van {region}: {municipalities}.',
  'hsds.taxonomy-name': '{list} ({region})',
  'hsds.taxonomy-description':
    'De lijst "{list}" van het lokaal partnerschap {region}, waaruit partners kiezen om hun aanbod te beschrijven.',
  'hsds.term-description': '{list}: {term}',
  'hsds.wait-none': 'geen wachttijd',
  'hsds.wait-weeks': '{weeks|week|weken}',

  // Workbook kinds
  'kind.gemeente': 'gemeentewerkmap',
  'kind.aanbod': 'aanbodinventaris',
  'kind.kandidatuur': 'kandidatuur',
  'kind.opvolging': 'opvolging kandidaturen',

  // Folder backend: what failed names the path on disk; never English system text
  'drive.folder-missing': 'de map {path} bestaat niet.',
  'drive.op-list': 'het lezen van de map {path}',
  'drive.op-read': 'het lezen van {path}',
  'drive.op-write': 'het schrijven van {path}',
  'drive.op-rename': 'het hernoemen van {path}',
  'drive.op-remove': 'het verwijderen van {path}',
  'drive.op-folder': 'het aanmaken van de map {path}',
  'drive.failed': '{what} is mislukt: {reason}',
  'drive.outside':
    '{path} ligt niet in de gedeelde map: een symbolische koppeling wijst naar {real}. Partnerschap leest of schrijft daar niet; vervang de koppeling door een gewone map of een gewoon bestand.',
  'drive.reason-no-access':
    'geen toegang (rechten). Vraag toegang aan wie de gedeelde map beheert.',
  'drive.reason-read-only': 'de map is alleen-lezen. Kies een map waarin u mag schrijven.',
  'drive.reason-full':
    'de schijf is vol (of het quotum is op). Maak ruimte vrij en probeer opnieuw.',
  'drive.reason-busy':
    'het bestand is in gebruik of de map antwoordt niet ({code}). Probeer later opnieuw.',
  'drive.reason-other': 'onverwachte fout van het bestandssysteem ({code}).',

  // Google Drive backend and sign-in (never with a token in them)
  'gdrive.label': 'Google Drive-map {id}',
  'gdrive.op-list': 'de lijst van de map "{folder}"',
  'gdrive.op-download': 'het downloaden van "{name}"',
  'gdrive.op-upload': 'het opladen van "{name}"',
  'gdrive.op-folder': 'het aanmaken van de map "{folder}"',
  'gdrive.op-rename': 'het hernoemen van "{name}"',
  'gdrive.op-remove': 'het verwijderen van "{name}"',
  'gdrive.folder-missing': 'Google Drive: de map "{folder}" bestaat niet.',
  'gdrive.failed': 'Google Drive: {what} is mislukt: {reason}',
  'gdrive.reason-rate': 'te veel verzoeken, Google vraagt om even te wachten (HTTP {status}).',
  'gdrive.reason-server': 'tijdelijke fout bij Google (HTTP {status}).',
  'gdrive.reason-network': 'de verbinding met Google werd verbroken ({code}).',
  'gdrive.reason-timeout': 'geen antwoord van Google binnen {seconds} seconden.',
  'gdrive.reason-auth':
    'geen toegang: de aanmelding is verlopen of ingetrokken. Meld opnieuw aan met "partnerschap login gdrive".',
  'gdrive.reason-forbidden':
    'geen toestemming. Vraag wie de gedeelde drive beheert om dit account toegang te geven.',
  'gdrive.reason-full':
    'de opslag van de gedeelde drive is vol. Maak ruimte vrij of vraag meer opslag aan wie de drive beheert.',
  'gdrive.reason-offline':
    'geen verbinding met Google ({code}). Controleer of deze computer met het internet verbonden is.',
  'gdrive.reason-not-found':
    'niet gevonden. Controleer de map-ID in gdrive:MAP_ID en of het account toegang heeft tot de gedeelde drive.',
  'gdrive.reason-gone': 'het bestand bestaat niet meer (verwijderd of verplaatst).',
  'gdrive.reason-http': 'Google weigerde het verzoek (HTTP {status}).',
  'gdrive.reason-other': 'onverwachte fout ({code}).',
  'gdrive.not-a-file':
    '"{name}" is een Google-document of een snelkoppeling, geen bestand: het wordt niet gedownload.',
  'gdrive.download-mismatch':
    'de inhoud van "{name}" klopt niet met de controlesom van Google Drive (gewijzigd tijdens het downloaden?). De volgende synchronisatie probeert opnieuw.',
  'gdrive.upload-mismatch':
    'Google Drive bewaarde voor "{name}" andere bytes dan er verstuurd werden. Controleer het bestand op de drive.',
  'gdrive.no-etag':
    'Google Drive gaf geen versie-tag voor "{name}"; het bestand wordt niet overschreven.',
  'gdrive.no-id': 'Google Drive gaf geen ID voor de nieuwe map "{folder}".',
  'gdrive.incomplete-list': 'Google Drive gaf een onvolledige lijst van de map "{folder}".',
  'gdrive.no-credentials':
    'geen aanmelding voor Google Drive gevonden (verwacht in {file}). Meld aan met "partnerschap login gdrive", of zet PARTNERSCHAP_GDRIVE_KEY op het sleutelbestand (JSON) van een serviceaccount dat lid is van de gedeelde drive.',
  'gdrive.key-unreadable': 'het sleutelbestand {file} kan niet gelezen worden ({reason}).',
  'gdrive.key-invalid':
    'het bestand {file} is geen sleutel van een serviceaccount (JSON met type "service_account", client_email en private_key).',
  'gdrive.token-unreadable':
    'het tokenbestand {file} kan niet gelezen worden ({reason}). Meld opnieuw aan met "partnerschap login gdrive".',
  'gdrive.token-invalid':
    'het tokenbestand {file} is ongeldig. Meld opnieuw aan met "partnerschap login gdrive".',
  'gdrive.client-missing':
    'geen OAuth-client ingesteld. Geef --client BESTAND (het JSON-bestand van een OAuth-client van het type "Desktop-app" uit de Google Cloud Console), zet PARTNERSCHAP_GDRIVE_CLIENT_ID en PARTNERSCHAP_GDRIVE_CLIENT_SECRET, of bewaar het bestand als {file}.',
  'gdrive.client-unreadable': 'het OAuth-clientbestand {file} kan niet gelezen worden ({reason}).',
  'gdrive.client-invalid': 'het OAuth-clientbestand {file} klopt niet: {reason}',
  'gdrive.client-web':
    'dit is een client van het type "Webapplicatie"; maak een OAuth-client van het type "Desktop-app"',
  'gdrive.client-fields': 'client_id of client_secret ontbreekt',
  'gdrive.client-url': '{field} moet een https-adres zijn',
  'gdrive.not-json': 'geen geldige JSON',
  'config.file-open':
    '{file} is leesbaar of schrijfbaar voor anderen (rechten {mode}). Het bevat een geheim en wordt zo niet gebruikt. Maak het privé met: chmod 600 "{file}"',
  'config.dir-open':
    'de map {dir} is toegankelijk voor anderen (rechten {mode}). Er staan geheimen in en ze wordt zo niet gebruikt. Maak ze privé met: chmod 700 "{dir}"',
  'login.description': 'meld aan bij Google Drive en bewaar de toegang op deze computer',
  'login.arg-service': 'de dienst: gdrive',
  'login.usage': '[opties] gdrive',
  'login.opt-client': 'het JSON-bestand van de OAuth-client (type Desktop-app)',
  'login.opt-port':
    'de poort op 127.0.0.1 voor het antwoord van Google (standaard een vrije poort)',
  'login.unknown-service': 'onbekende dienst "{service}". Alleen gdrive wordt ondersteund.',
  'login.open-url':
    'Open deze link in je browser en meld je aan met het Google-account dat toegang heeft tot de gedeelde drive:',
  'login.waiting': 'Wachten op het antwoord van Google op {redirect} (hoogstens {minutes} min.) …',
  'login.stored':
    'Aangemeld. De toegang is bewaard in {file} (alleen leesbaar voor jou). Deel dat bestand niet.',
  'login.denied': 'de aanmelding werd geweigerd of afgebroken ({reason}).',
  'login.timeout': 'geen antwoord van Google binnen {minutes} min. Probeer opnieuw.',
  'login.state-mismatch':
    'het antwoord hoort niet bij deze aanmelding (de state klopt niet). Probeer opnieuw.',
  'login.no-refresh-token':
    'Google gaf geen vernieuwingstoken. Trek de toegang van deze app in (myaccount.google.com > Beveiliging > Apps van derden) en meld opnieuw aan.',
  'login.exchange-failed': 'de code kon niet ingewisseld worden bij Google ({reason}).',
  'login.port-busy': 'de poort {port} is bezet. Kies een andere met --port, of laat --port weg.',
  'login.page-ok':
    'Aangemeld bij Partnerschap. Je kan dit venster sluiten en terugkeren naar de terminal.',
  'login.page-error': 'Aanmelden mislukt. Bekijk de melding in de terminal.',

  // Reminders (issue 4): digest, rules, calendar, mail, overview sheets
  'reminders.who.coordinator': 'coördinator',
  'reminders.who.jury': 'jury',
  'reminders.who.lead': 'trekker: {partner}',
  'reminders.title.milestone': '{label} op {when} ({left})',
  'reminders.title.milestone-range': '{label} van {when} ({left})',
  'reminders.title.milestone-end': '{label} loopt af op {when} ({left})',
  'reminders.left.today': 'vandaag',
  'reminders.left.tomorrow': 'morgen',
  'reminders.left.days': 'over {days} dagen',
  'reminders.title.admissibility':
    '{dossier} "{titel}": ontvankelijkheid nog niet beslist (vóór de beoordeling start op {when})',
  'reminders.title.pitch': '{dossier} "{titel}": pitch op {when}; bevestig het uur aan de trekker',
  'reminders.title.rebuttal-undecided':
    '{dossier} "{titel}": weerwoord ontvangen, beslissing nog niet definitief (uiterlijk {when}); zet ze op Definitief',
  'reminders.title.scores-missing':
    '{dossier} "{titel}": nog geen score zonder belangenconflict (beoordeling tot {when})',
  'reminders.title.decision':
    '{dossier} "{titel}": beslissing nog niet gecommuniceerd (ten laatste {when})',
  'reminders.title.rebuttal-closing':
    '{dossier} "{titel}": weerwoordtermijn sluit op {when}, nog geen weerwoord ontvangen',
  'reminders.title.rebuttal-closed':
    '{dossier} "{titel}": weerwoordtermijn verstreken op {when} zonder weerwoord; zet de beslissing op Definitief',
  'reminders.title.incomplete':
    'kandidatuur {file} is onvolledig ({problems|probleem|problemen}); corrigeer en dien opnieuw in vóór {when}',
  'reminders.group.overdue': 'Achterstallig',
  'reminders.group.soon': 'Binnen 7 dagen',
  'reminders.group.upcoming': 'Later',
  'reminders.digest.title': 'Herinneringen {region} op {at} (Brusselse tijd)',
  'reminders.digest.none': 'Niets te doen: geen herinneringen.',
  'reminders.digest.line': '{when} · {who} · dossier {dossier} · {title}',
  'reminders.digest.no-tracker':
    'Let op: geen opvolgingswerkmap gevonden; enkel de tijdlijn en de kandidaturen zijn nagekeken.',
  'reminders.ics.provisional': '{label} (onder voorbehoud)',
  'reminders.ics.pitch': 'Pitch {dossier}: {titel}',
  'reminders.ics.pitch-description': 'Pitch van {trekker}.',
  'reminders.ics.rebuttal': 'Einde weerwoordtermijn {dossier}: {titel}',
  'reminders.ics.rebuttal-description': 'Laatste moment voor het weerwoord van {trekker}.',
  'reminders.ics.calendar': 'Partnerschap {region}: tijdlijn',
  'reminders.ics.alarm-day': 'Morgen: {title}',
  'reminders.ics.alarm-hour': 'Binnen een uur: {title}',
  'reminders.ics.written': 'Agenda geschreven: {file} ({count|afspraak|afspraken}).',
  'reminders.mail.subject':
    'Herinneringen {region} {date}: {overdue} achterstallig, {soon} binnen 7 dagen',
  'reminders.mail.sent': 'Herinneringen gemaild naar {to}.',
  'reminders.mail.no-config':
    'geen SMTP-instellingen gevonden. Maak {file} aan (host, port, secure, user, password, from, to) of zet PARTNERSCHAP_SMTP_HOST en de andere PARTNERSCHAP_SMTP_-variabelen.',
  'reminders.mail.bad-config': 'de SMTP-instellingen in {file} zijn ongeldig: {reason}',
  'reminders.mail.unreadable-config':
    'de SMTP-instellingen in {file} kunnen niet gelezen worden ({reason}).',
  'reminders.mail.auth-failed':
    'de mailserver {host} weigert de aanmelding van {user}. Controleer gebruiker en wachtwoord in de SMTP-instellingen.',
  'reminders.mail.refused':
    'de mailserver {host}:{port} weigert de verbinding. Controleer host, poort en of de server bereikbaar is.',
  'reminders.mail.tls':
    'de beveiligde verbinding met de mailserver {host}:{port} mislukt ({reason}). Controleer secure (true voor poort 465, false met STARTTLS voor 587).',
  'reminders.mail.rejected': 'de mailserver {host} weigert het bericht: {reason}',
  'reminders.mail.failed': 'versturen via de mailserver {host}:{port} mislukt: {reason}',
  'reminders.cli.description':
    'toon wat er in de tijdlijn te doen is, voor wie en voor welk dossier; schrijf een agenda of mail het overzicht',
  'reminders.cli.opt-at':
    'het moment om de herinneringen te bekijken, als dd/mm/jjjj of dd/mm/jjjj uu:mm (Brusselse tijd; standaard nu)',
  'reminders.cli.opt-ics': 'schrijf ook een agendabestand (.ics) voor Outlook of Google Agenda',
  'reminders.cli.opt-mail': 'mail het overzicht via de SMTP-server uit de instellingen',
  'reminders.cli.invalid-at': '"{value}" is geen moment. Gebruik dd/mm/jjjj of dd/mm/jjjj uu:mm.',
  'reminders.cli.ics-extension': 'het agendabestand moet eindigen op .ics: {file}',
  'reminders.sheet.tijdlijn': 'Tijdlijn',
  'reminders.sheet.herinneringen': 'Herinneringen',
  'reminders.col.code': 'Code',
  'reminders.col.step': 'Stap',
  'reminders.col.start': 'Vanaf of op',
  'reminders.col.end': 'Tot en met',
  'reminders.col.provisional': 'Onder voorbehoud',
  'reminders.col.description': 'Toelichting',
  'reminders.col.status': 'Status',
  'reminders.col.due': 'Uiterlijk (Brusselse tijd)',
  'reminders.col.who': 'Voor wie',
  'reminders.col.dossier': 'Dossier',
  'reminders.col.what': 'Wat',
  'reminders.yes': 'Ja',
  'reminders.no': 'Nee',

  // Region file
  'region.invalid': 'het regiobestand {file} klopt niet:',
  'region.workbook-unknown':
    'Deze werkmap hoort bij de regio "{id}", die deze add-in niet kent. Vraag de coördinator de regio toe te voegen (regions/{id}.json naast de add-in); tot dan wordt de werkmap niet gecontroleerd.',
  'region.workbook-unusable':
    'Deze werkmap hoort bij de regio "{id}", maar de instellingen van die regio bij de add-in kloppen niet. Vraag de coördinator ze na te kijken; tot dan wordt de werkmap niet gecontroleerd.',
  'region.workbook-invalid': 'De regio "{id}" van deze werkmap is onleesbaar ingesteld: {errors}',
  'region.workbook-mismatch':
    'Deze werkmap hoort bij de regio "{id}", maar regions/{id}.json beschrijft de regio "{found}".',
  'region.load-failed':
    'De regio "{id}" van deze werkmap kon niet geladen worden (is er verbinding?). Probeer het opnieuw.',
  'region.setup-other':
    'Deze werkmap hoort bij de regio "{id}", niet bij {region}. Er is niets gewijzigd: het paneel richt een werkmap alleen in met haar eigen regio.',
  'region.field': '  - {path}: {message}',
  'region.issue.type': 'verwacht {expected}; het veld ontbreekt of heeft een ander type',
  'region.issue.min': 'te klein of te kort (minstens {limit})',
  'region.issue.max': 'te groot of te lang (hoogstens {limit})',
  'region.issue.date': 'verwacht een datum als JJJJ-MM-DD of JJJJ-MM-DDTuu:mm',
  'region.issue.format': 'ongeldig formaat',
  'region.issue.unknown-key': 'onbekend veld: {keys}',
  'region.issue.value': 'ongeldige waarde',
  'region.issue.semicolon': 'mag geen ; bevatten',
  'region.issue.time-zone': 'onbekende tijdzone',
  'region.issue.milestone-missing':
    'de tijdlijn mist de stap met id "{id}" ({what}): de herinneringen en de controle op laattijdige kandidaturen hebben die nodig',
  'region.issue.milestone-twice': 'de tijdlijn heeft meer dan één stap met id "{id}"',
  'region.issue.rebuttal-after':
    'de stap "{id}" telt zijn dagen vanaf de stap "{decision}" (after.milestone)',
  'region.role.deadline': 'de deadline voor kandidaturen',
  'region.role.assessment': 'de schriftelijke beoordeling',
  'region.role.pitches': 'de pitches',
  'region.role.decision': 'de communicatie van de beslissing',
  'region.role.rebuttal': 'het weerwoord',
  'region.unreadable': 'het regiobestand {file} kan niet gelezen worden: {reason}',

  // CLI
  'cli.description':
    "Partnerschap: persona's, noden, aanbod en kandidaturen voor het lokaal partnerschap.",
  'cli.version': 'toon het versienummer',
  'cli.help': 'toon deze hulp',
  'cli.help-command': 'toon de hulp bij een opdracht',
  'cli.usage-title': 'Gebruik:',
  'cli.default': '(standaard: {value})',
  'cli.usage': '[opties] [opdracht]',
  'cli.usage-options': '[opties]',
  'cli.usage-files': '[opties] <bestanden...>',
  'cli.usage-intake': '[opties] <eml-of-map>',
  'cli.options': 'Opties:',
  'cli.commands': 'Opdrachten:',
  'cli.arguments': 'Argumenten:',
  'cli.opt-region': 'regiobestand (JSON) in plaats van de standaardregio Leie & Schelde',
  'cli.validate': 'controleer werkmappen en toon de problemen per bestand, blad en cel',
  'cli.validate-files': 'de .xlsx-bestanden om te controleren',
  'cli.opt-json': "schrijf het resultaat als JSON (voor programma's)",
  'cli.templates': 'schrijf de sjablonen (gemeenten, aanbod, kandidatuur)',
  'cli.opt-out-dir': 'de map om naar te schrijven',
  'cli.opt-force': 'overschrijf bestaande bestanden (ook ingevulde werkmappen)',
  'cli.templates-kept':
    'niet overschreven ({count|bestand bestaat|bestanden bestaan} al, misschien ingevuld): {files}. Gebruik --force om ze te vervangen door lege sjablonen.',
  'cli.example': 'schrijf een voorbeeld van een gedeelde map met verzonnen gegevens',
  'cli.opt-seed': 'startgetal voor het toeval (zelfde getal, zelfde voorbeeld)',
  'cli.opt-scale': 'vermenigvuldig de aantallen (voor metingen)',
  'cli.error': 'fout: {message}',
  'cli.out-of-memory':
    "onvoldoende geheugen: de opdracht had meer nodig dan de {mb} MB die ze mag gebruiken en is gestopt. Ze is niet opnieuw uitgevoerd. Geen bestand is half geschreven: wat al klaar was, is volledig bewaard. Sluit andere programma's en probeer opnieuw; een beheerder kan de grens hoger zetten met {env}=<MB>.",
  'cli.stopped-lease':
    'de vergrendeling van de gedeelde map kon niet worden vrijgegeven ({reason}); ze vervalt vanzelf binnen 2 minuten.',
  'cli.heap-env-invalid':
    '{env}={value} is geen geldige geheugengrens: geef een geheel aantal MB, minstens {min}, of laat {env} weg.',
  'cli.child-stopped': 'de verwerking stopte zonder resultaat ({how})',
  'cli.unexpected':
    'onverwachte fout: {message}. Probeer opnieuw; blijft het gebeuren, meld het dan aan de beheerder van Partnerschap.',
  'cli.example-not-empty':
    'de map {dir} is niet leeg en is geen voorbeeldmap. Kies een lege of nieuwe map; het voorbeeld overschrijft nooit echte werkmappen.',
  'cli.unknown-command': "onbekende opdracht '{command}'.",
  'cli.missing-argument': 'er ontbreekt een argument: {name}.',
  'cli.unknown-option': "onbekende optie '{option}'.",
  'cli.missing-option-value': 'de optie {option} heeft een waarde nodig.',
  'cli.missing-option': 'de optie {option} is verplicht.',
  'cli.excess-arguments':
    'te veel argumenten voor {command}: {expected|argument|argumenten} verwacht, {got} gekregen.',
  'cli.usage-other': 'deze opdracht is zo niet te gebruiken.',
  'cli.did-you-mean': '(Bedoelde u {candidates}?)',
  'cli.or': 'of',
  'cli.see-help': 'Zie {command} --help.',
  'cli.invalid-number': '{option}: "{value}" is geen positief geheel getal.',

  // partnerschap upgrade
  'cli.upgrade':
    'breng werkmappen naar de huidige sjabloonversie (zoals "Werkmap bijwerken" in Excel); het origineel blijft ernaast',
  'cli.upgrade-files': 'de werkmappen (.xlsx) om bij te werken',
  'upgrade.done':
    '{file}: bijgewerkt van sjabloonversie {from} naar {to}. Het origineel staat ernaast als "{backup}".',
  'upgrade.columns': 'Kolommen toegevoegd: {list}.',
  'upgrade.sheets': 'Bladen toegevoegd: {list}.',
  'upgrade.current': '{file}: al op de huidige sjabloonversie ({version}); niets gewijzigd.',
  'upgrade.changed':
    '{file}: niet bijgewerkt: iemand wijzigde het bestand terwijl het bijgewerkt werd. Probeer opnieuw wanneer het gesloten is.',
  'upgrade.failed': '{file}: niet bijgewerkt: {reason}',
  'upgrade.backup-name': '{name} (voor upgrade, sjabloonversie {version}, {stamp})',
  'upgrade.not.not-partnerschap':
    '{file}: niet bijgewerkt: dit is geen werkmap om in te vullen van een Partnerschap-sjabloon.',
  'upgrade.not.newer':
    '{file}: niet bijgewerkt: de werkmap heeft sjabloonversie {detail}, nieuwer dan deze versie van Partnerschap kent. Installeer de nieuwste versie.',
  'upgrade.not.region':
    '{file}: niet bijgewerkt: de werkmap hoort bij regio "{detail}". Gebruik --region met het bestand van die regio.',
  'upgrade.would-lose':
    '{file}: niet bijgewerkt: de werkmap bevat {features}, die hier verloren zouden gaan. Open ze in Excel en kies in het Partnerschap-paneel "Werkmap bijwerken".',
  'upgrade.lost.charts': 'grafieken',
  'upgrade.lost.drawings': 'afbeeldingen of vormen',
  'upgrade.lost.pivots': 'draaitabellen',
  'upgrade.lost.slicers': 'slicers',
  'upgrade.lost.macros': "macro's",
  'upgrade.lost.comments': 'opmerkingen of notities',
  'upgrade.lost.links': 'koppelingen naar andere bestanden',
  'upgrade.lost.formulas': 'formules',
  'upgrade.lost.names': 'eigen namen (Formules > Namen beheren)',
  'upgrade.lost.x14': 'keuzelijsten of opmaakregels van een nieuwere Excel-versie',
  'upgrade.lost.passwords': 'bladen beveiligd met een wachtwoord',
  'upgrade.not.value-lost':
    '{file}: niet bijgewerkt: na het bijwerken zou de waarde in {detail} niet meer dezelfde zijn. Er is niets gewijzigd. Open de werkmap in Excel en kies in het Partnerschap-paneel "Werkmap bijwerken".',

  // Output of validate
  'out.file-ok': '{file}: in orde ({kind}, {rows|rij|rijen}).',
  'out.file-issues':
    '{file} ({kind}, {rows|rij|rijen}): {errors|fout|fouten}, {warnings|waarschuwing|waarschuwingen}',
  'out.sheet': '  blad {sheet}:',
  'out.issue': '    {cell} {field}: {severity}: {message}',
  'out.workbook-issue': '    {severity}: {message}',
  'out.column-issue': '    {field}: {severity}: {message}',
  'out.refused': '{file}: niet gelezen: {message}',
  'out.totals':
    'Totaal: {files|bestand|bestanden} ({refused} niet gelezen), {rows|rij|rijen}, {errors|fout|fouten}, {warnings|waarschuwing|waarschuwingen}.',
  'out.templates-written': '{count|sjabloon|sjablonen} geschreven in {dir}.',
  'out.templates-only':
    'In {dir}, een map voor {kind}, komen alleen sjablonen van die soort; de andere sjablonen zijn niet geschreven.',
  'out.example-written':
    'Voorbeeldmap geschreven in {dir}: {municipalities} gemeenten, {offers} aanbodwerkmappen, {proposals} kandidaturen.',

  // partnerschap intake: saved e-mails taken in
  'intake.lease-wait':
    'Er loopt al een sync op {drive}: gestart door {user} op {machine}, {since}. De intake wacht tot die klaar is, hoogstens {seconds|seconde|seconden}.',
  'intake.mail':
    '{file}: e-mail van {from}, ontvangen op {received} (Brusselse tijd), onderwerp "{subject}".',
  'intake.no-date':
    '{file}: de e-mail heeft geen leesbare datum (kopregel Date); niets overgenomen. Bewaar de e-mail opnieuw vanuit uw e-mailprogramma.',
  'intake.unreadable-mail': '{file}: niet gelezen als e-mail ({reason}).',
  'intake.mail-too-large': '{file}: groter dan {limit} MB; niet gelezen.',
  'intake.no-attachment':
    'geen bijlage: niets overgenomen. Vraag de afzender de werkmap mee te sturen.',
  'intake.no-workbook':
    'geen Excel-werkmap (.xlsx) als bijlage: niets overgenomen. Vraag de afzender de werkmap als .xlsx te sturen.',
  'intake.not-saved': '{name}: niet bewaard; {reason}',
  'intake.not-workbook': 'geen Excel-werkmap.',
  'intake.other-kind': 'geen kandidatuur of aanbod.',
  'intake.saved': '{name} bewaard als {path}.',
  'intake.replaced': '{name} bewaard als {path}: vervangt de vorige versie.',
  'intake.same': '{name}: staat al ongewijzigd op {path}.',
  'intake.would-saved': '{name} zou bewaard worden als {path}.',
  'intake.would-replaced': '{name} zou bewaard worden als {path} en de vorige versie vervangen.',
  'intake.changed':
    '{name}: {path} veranderde tijdens het bewaren en is niet overschreven. Neem de e-mail opnieuw in.',
  'intake.own-name':
    'Onder de naam van de bijlage bewaard, want {reason} De synchronisatie meldt de afzender wat te verbeteren.',
  'intake.no-key': 'de kandidatuur noemt geen titel of indiener.',
  'intake.no-partner': 'het aanbod noemt geen partner.',
  'intake.receipts':
    '{count|ontvangst|ontvangsten} vastgelegd op de gedeelde map. De volgende synchronisatie (partnerschap sync) zet ontvangstmoment en onderwerp in de opvolging.',
  'intake.late-suffix': '(na de deadline)',
  'intake.late-kept':
    '{name} kwam na de deadline binnen: de versie die er al stond ({path}) blijft staan voor de beoordeling. Deze versie is ernaast bewaard als {aside}; de opvolging toont ze als te laat.',
  'intake.receipts-same':
    '{count|kandidatuur stond|kandidaturen stonden} al ongewijzigd op de gedeelde map: de opvolging krijgt het ontvangstmoment alleen waar het nog leeg is.',
  'intake.receipts-dry-run':
    'Proefdraai: niets bewaard; {count|ontvangst zou|ontvangsten zouden} vastgelegd worden.',
  'intake.no-mails': 'Geen .eml-bestanden gevonden in {path}.',
  'intake.not-found': '{path} bestaat niet.',

  // Tracker (Opvolging kandidaturen)
  'issue.score-range': 'score {score} valt buiten de schaal {min} tot {max}: ze telt niet mee.',
  'issue.stage-no-scores':
    'stadium "{stage}", maar er is nog geen score op het blad Beoordelingen (scores met een belangenconflict tellen niet mee).',
  'issue.stage-missing': 'stadium "{stage}", maar "{what}" is niet ingevuld.',
  'issue.outcome-without-date':
    'er is een uitkomst van het weerwoord, maar "{what}" is niet ingevuld.',
  'issue.order': '"{later}" ligt vóór "{earlier}": dat kan niet.',
  'issue.rebuttal-late':
    'het weerwoord kwam binnen op {received}, na het einde van de termijn ({deadline}).',
  'tracker.intake.ok': 'In orde.',
  'tracker.intake.duplicate':
    'Zelfde indiener en titel als {other}: niet samengevoegd. Controleer of dit een dubbele inzending is.',
  'tracker.intake.gone':
    'Het kandidatuurbestand {path} staat niet meer op de gedeelde map. De rij blijft bewaard.',
  'tracker.intake.no-file': 'Geen kandidatuurbestand op de gedeelde map (rij van de coördinator).',
  'tracker.note.duplicate':
    'Opvolging: {path} heeft dezelfde indiener en titel als {other}; beide staan apart in de opvolging.',
  'tracker.note.collision':
    'Opvolging: de dossiercode {wanted} was al in gebruik; {path} kreeg {code}.',
  'tracker.note.gone':
    'Opvolging: het kandidatuurbestand {path} (dossier {dossier}) staat niet meer op de gedeelde map; de rij blijft bewaard.',
  'tracker.note.no-key':
    'Opvolging: {path} rij {row} heeft geen titel of indiener en kan niet opgevolgd worden. Verbeter het bestand.',
  'tracker.note.changing':
    'Opvolging {path}: het bestand werd opgeslagen terwijl de sync het las en is deze keer niet gelezen; de tijdlijn en herinneringen van het overzicht missen het tot de volgende sync.',
  'tracker.note.issue': 'Opvolging, blad {sheet}{cell}: {message}',
  'tracker.note.created': 'Opvolging aangemaakt: {path} ({count|kandidatuur|kandidaturen}).',
  'tracker.note.updated':
    'Opvolging bijgewerkt: {path} ({added|nieuwe kandidatuur|nieuwe kandidaturen}).',
  'tracker.note.unchanged': 'Opvolging: {path} (ongewijzigd).',
  'tracker.gaps.some': '{gaps} (geschat {citizens} inwoners)',
  'overview.gap-candidacy': '{titel} ({trekker})',
  'overview.gap-candidacy-out': '{titel} ({trekker}): niet ontvankelijk',
  'tracker.gaps.not-taken':
    'Niet bekend: de rij van de kandidatuur is niet overgenomen in het overzicht (zie Controle bij ontvangst).',
  'tracker.gaps.none': 'Geen: de kandidatuur speelt op geen hiaat van het regionaal overzicht in.',
  'tracker.note.column-missing':
    'Opvolging {path}: de kolom "{header}" ontbreekt; de synchronisatie vult ze niet in en voegt ze niet toe.',
  'tracker.note.receipt-column-missing':
    'Opvolging {path}: de kolom "{header}" ontbreekt; de synchronisatie kan er niet invullen wat partnerschap intake uit de e-mails las. Voeg een kolom met de kop "{header}" toe en neem de e-mails opnieuw in.',
  'tracker.note.receipt-waiting':
    'Opvolging: de ontvangen e-mail voor {path} staat nog niet in de opvolging; de eerste synchronisatie die de kandidatuur en de opvolging kan lezen, zet ze erin.',
  'tracker.note.refused': 'Opvolging {path} niet gelezen en niet overschreven: {reason}',
  'tracker.note.merged-again':
    'Opvolging: {path} werd bewaard tijdens de synchronisatie; opnieuw gelezen en samengevoegd.',
  'tracker.note.problems': 'Opvolging: {count|probleem|problemen}; zie {path}.',
  'tracker.uitleg.topic': 'Wie vult welke kolom in?',
  'tracker.uitleg.sync-columns':
    'De grijze kolommen op het blad "{sheet}" ({columns}) vult de synchronisatie in en houdt ze bij, uit de kandidatuurbestanden en het blad Beoordelingen. Ze zijn beveiligd: wat u er toch in typt, wordt bij de volgende synchronisatie vervangen.',
  'tracker.uitleg.own-columns':
    'De witte kolommen ({columns}) zijn van u. De synchronisatie overschrijft nooit wat u erin typte, ook niet als er iets fout in staat: ze meldt het dan in het feedbackbestand en laat uw tekst staan.',
  'tracker.uitleg.extra':
    'U mag eigen kolommen toevoegen (Tabelontwerp of rechts van de tabel). De synchronisatie bewaart ze met hun kop en waarden; ze staan daarna achteraan in de tabel.',
  'tracker.uitleg.rows':
    'Nieuwe kandidaturen komen er onderaan bij met stadium "Ontvangen". Een rij wordt nooit verwijderd, ook niet als het kandidatuurbestand verdwijnt: dat staat dan in "Controle bij ontvangst". U mag zelf rijen toevoegen, bv. voor een kandidatuur die niet als bestand binnenkwam.',
  'tracker.uitleg.keep':
    'Alleen de tabellen op de bladen {sheets} worden bewaard: zet geen eigen gegevens op andere bladen. Eigen opmaak (kleuren, breedtes) kan verloren gaan wanneer de synchronisatie de werkmap opnieuw schrijft. Verander de kolomkoppen niet.',
  'tracker.uitleg.sync-help': '{help} (Ingevuld door de synchronisatie.)',
  'tracker.uitleg.scores':
    'Het gewogen gemiddelde gebruikt de gewichten van de criteria ({weights}); scores met een belangenconflict tellen niet mee. Het weerwoord kan tot {days} dagen na "Beslissing gecommuniceerd op", tot 23:59 (Brusselse tijd).',

  // Excel (the Office.js adapter of the task pane)
  'excel.sync-timeout':
    'Excel antwoordt niet (na {seconds} seconden). Controleer de verbinding, sla de werkmap op en probeer opnieuw.',
  'excel.requirements':
    'Deze versie van Excel is te oud voor Partnerschap (nodig: ExcelApi {version}). Gebruik Microsoft 365, Excel 2021 of nieuwer, of Excel op het web. Excel 2019 met volumelicentie blijft op ExcelApi 1.7 en volstaat niet.',
  'excel.meta-missing':
    'Deze werkmap is nog niet ingericht (het verborgen blad _meta ontbreekt). Kies eerst "Werkmap inrichten" op Start.',
  'excel.no-office':
    'Office is niet geladen: open Partnerschap vanuit Excel, of gebruik de voorbeeldmodus in de browser.',
  'excel.table-missing':
    'De tabel "{table}" op het blad "{sheet}" ontbreekt. Kies "Werkmap inrichten" om ze opnieuw aan te maken.',
  'excel.row-too-large':
    'Rij {row} is te groot om in één keer naar Excel te schrijven ({size}). Maak de teksten korter.',

  // Sync
  'sync.skip-native':
    '{path}: overgeslagen: dit is een Google-document, geen Excel-bestand. Download het als .xlsx en zet dat in de map.',
  'sync.skip-shortcut':
    '{path}: overgeslagen: dit is een snelkoppeling. Zet het bestand zelf in de map.',
  'sync.skip-lock':
    '{path}: overgeslagen: een tijdelijk vergrendelingsbestand van Excel (iemand heeft de werkmap open).',
  'sync.skip-other': '{path}: overgeslagen: geen Excel-werkmap (.xlsx).',
  'sync.skip-backup':
    '{path}: overgeslagen: het origineel dat partnerschap upgrade bewaarde. Verwijder het wanneer u het niet meer nodig hebt.',
  'sync.duplicate-name':
    '{path}: deze naam komt meer dan eens voor in de map. Beide bestanden worden gelezen; geef ze elk een eigen naam.',
  'sync.drive-unknown':
    'onbekende of lege gedeelde map "{spec}". Gebruik folder:PAD of gdrive:MAP-ID, met een pad of ID erachter.',
  'sync.gave-up': 'de gedeelde map antwoordt niet (na {attempts} pogingen): {reason}',
  'sync.setup-example': 'Eerste start: de voorbeeldmap wordt aangemaakt in {dir}.',
  'sync.progress': 'Ophalen: {done}/{total} bestanden, {size}',
  'sync.file-done': 'gelezen: {name}',
  'sync.conflict':
    '{theirs} werd tijdens de sync twee keer door iemand anders gewijzigd en is niet overschreven. De versie van de sync staat ernaast: {path}',
  'sync.summary-files':
    'Bestanden: {pulled} opgehaald, {unchanged} ongewijzigd, {refused} niet gelezen, {skipped} overgeslagen.',
  'sync.summary-rows': 'Rijen: {read} gelezen = {taken} overgenomen + {refused} afgewezen.',
  'sync.summary-uploads': 'Geschreven naar de gedeelde map: {uploaded}.',
  'sync.summary-overview': 'Regionaal overzicht: {path}',
  'sync.summary-overview-unchanged': 'Regionaal overzicht: {path} (ongewijzigd)',
  'sync.summary-at':
    'Overzicht zoals op {date} (tijdlijn, herinneringen, geldig aanbod) enkel hier geschreven: {file}. De gedeelde map bleef ongewijzigd.',
  'sync.summary-dry-run':
    'Proefdraai: er werd niets naar de gedeelde map geschreven. Zou schrijven: {paths}',
  'sync.conflict-suffix': 'versie van de sync {stamp}',
  'sync.kept-suffix': 'eigen wijzigingen {stamp}',
  'sync.kept':
    '{path} werd door iemand anders gewijzigd. Die versie is bewaard als {kept}; het nieuwe bestand staat op de gewone plaats.',
  'sync.busy':
    '{path} werd op hetzelfde moment door iemand anders geschreven en is zo gelaten. De volgende sync schrijft het opnieuw.',
  'sync.skip-changing':
    '{path}: overgeslagen: het bestand werd opgeslagen terwijl de sync het las. De volgende sync leest het opnieuw.',
  'sync.state-rebuilt':
    'De toestand van de vorige sync ({path}) was onleesbaar en is opnieuw opgebouwd uit de bestanden op de gedeelde map.',
  'sync.state-conflict':
    'De toestand {path} werd tijdens deze sync door een andere sync geschreven: deze sync stopt. Start ze opnieuw.',
  'sync.lease-lost':
    'Een andere sync heeft de vergrendeling van deze gedeelde map overgenomen terwijl deze sync nog liep. Deze sync stopt; start ze opnieuw.',
  'sync.lease-wait':
    'Er loopt al een sync op {drive}: gestart door {user} op {machine}, {since}. Deze sync wacht tot die klaar is, hoogstens {seconds|seconde|seconden}.',
  'sync.lease-held':
    'Er loopt al een sync op {drive}: gestart door {user} op {machine}, {since}. Wacht tot die klaar is en probeer het dan opnieuw (de vergrendeling vervalt vanzelf om {expires}).',
  'sync.drive-missing':
    'De gedeelde {drive} bestaat niet of is niet bereikbaar. Is de netwerkschijf gekoppeld, en klopt het pad (of de map-ID)?',
  'sync.folders-missing':
    'In {drive} ontbreken de mappen van de regio: {folders}. Is dit de juiste gedeelde map? Een nieuwe gedeelde map richt u in met "partnerschap init --drive …".',
  'sync.summary-problems':
    'Niet in orde (de gemeente of partner vindt in de map Feedback wat te verbeteren): {paths}',
  'sync.summary-first':
    'Geen vorige sync bekend op deze gedeelde map: alle bronnen gelden als nieuw.',
  'sync.summary-sources-new': 'Nieuw sinds de vorige sync: {paths}',
  'sync.summary-sources-changed': 'Gewijzigd sinds de vorige sync: {paths}',
  'sync.summary-sources-removed': 'Verdwenen sinds de vorige sync: {paths}',
  'sync.summary-gaps-new': 'Nieuwe hiaten: {gaps}',
  'sync.summary-gaps-closed': 'Gedichte hiaten: {gaps}',
  'sync.summary-feedback-removed': 'Feedback verwijderd (bron verdwenen): {paths}',
  'sync.summary-nothing-new': 'Niets gewijzigd sinds de vorige sync.',
  'sync.summary-kept': 'Bewaarde versies van anderen: {paths}',
  'sync.feedback-title': 'Feedback van Partnerschap over {path}',
  'sync.feedback-ok': 'Dit bestand is in orde: er is niets te verbeteren.',
  'mail.signature': 'Met vriendelijke groeten,\n{contact}\n{organisation}\n{email}',
  'mail.greeting': 'Beste {trekker},',
  'mail.feedback-greeting': 'Beste,',
  'mail.feedback-intro':
    'Dank u om uw werkmap {file} te bezorgen. Hieronder leest u wat we erin konden overnemen en wat u nog kunt verbeteren.',
  'mail.feedback-subject': 'Feedback over {file} ({region})',
  'mail.notify.subject.ontvankelijkheid': 'Kandidatuur {dossier} "{titel}": ontvankelijkheid',
  'mail.notify.subject.pitch': 'Kandidatuur {dossier} "{titel}": uw pitch voor de jury',
  'mail.notify.subject.beslissing': 'Kandidatuur {dossier} "{titel}": beslissing van de jury',
  'mail.notify.admissible':
    'Uw kandidatuur {dossier} "{titel}" is op {date} ontvankelijk verklaard. De jury beoordeelt ze nu schriftelijk.',
  'mail.notify.not-admissible':
    'Uw kandidatuur {dossier} "{titel}" is op {date} niet ontvankelijk verklaard. Wilt u weten waarom, neem dan contact op met de coördinator.',
  'mail.notify.pitch':
    'U bent uitgenodigd om uw kandidatuur {dossier} "{titel}" voor te stellen aan de jury op {when} (Brusselse tijd). De uitnodiging voor uw agenda zit als bijlage bij deze mail.',
  'mail.notify.subject.pitch-moved':
    'Kandidatuur {dossier} "{titel}": uw pitch is verplaatst naar {when}',
  'mail.notify.pitch-moved':
    'Uw pitch voor de jury over uw kandidatuur {dossier} "{titel}" is verplaatst: ze is nu op {when} (Brusselse tijd), niet meer op {was}. De bijgewerkte uitnodiging zit als bijlage bij deze mail; ze vervangt de vorige in uw agenda.',
  'mail.notify.pitch-was-unknown': 'het eerder doorgegeven tijdstip',
  'mail.notify.decision':
    'De jury besliste over uw kandidatuur {dossier} "{titel}": {decision}. Die beslissing is u op {date} meegedeeld. Bent u het er niet mee eens, dan kunt u een weerwoord sturen tot {until} (Brusselse tijd).',
  'mail.cli.feedback-description':
    'mail elke partner en gemeente de feedback over zijn werkmap, alleen wat veranderde sinds de vorige mail',
  'mail.cli.notify-description':
    'mail de trekkers wat u in de opvolging aanduidde: ontvankelijkheid, pitch (met agenda-uitnodiging) en beslissing',
  'mail.cli.opt-mail': 'verstuur de mails via de SMTP-server uit de instellingen',
  'mail.cli.opt-dry-run': 'toon wie wat zou krijgen, zonder iets te versturen of te onthouden',
  'mail.cli.sent': 'Gemaild naar {to}: {about}',
  'mail.cli.would-send': 'Zou mailen naar {to}: {about} ("{subject}")',
  'mail.cli.no-address':
    '{about}: geen e-mailadres gevonden, niet gemaild. De partner vult het in de kolom "E-mail contact" van de werkmap in.',
  'mail.cli.no-address-municipality':
    '{about}: geen e-mailadres van de gemeente gevonden, niet gemaild. Zet het adres bij de gemeente in municipalityContacts van de regio-instellingen (--region).',
  'mail.cli.refused-recipient': '{about}: niet gemaild naar {to}: {message}',
  'mail.cli.stopped':
    'Versturen gestopt: {message}. Nog {count|mail|mails} te versturen: de volgende keer gaan ze alsnog, wat al vertrok niet opnieuw.',
  'mail.cli.nothing': 'Niets nieuws te mailen: alles is al eens verstuurd zoals het nu is.',
  'mail.cli.summary':
    '{sent|mail|mails} verstuurd, {missing} zonder e-mailadres, {refused} geweigerd door de mailserver.',
  'mail.cli.dry-run':
    'Proefdraai: {count|mail zou|mails zouden} vertrekken. Er is niets verstuurd of onthouden.',
  'mail.cli.need-mail':
    'Geef --mail om de feedback te mailen, of --dry-run om te zien wie wat zou krijgen.',
  'feedback.rows': '{read|rij|rijen} gelezen: {taken} overgenomen, {refused} niet overgenomen.',
  'feedback.rows-refused': 'Niet overgenomen op blad {sheet}: rij {rows}. Hieronder staat waarom.',
  'feedback.next.gemeente':
    'Volgende stap: verbeter de cellen hierboven en bewaar de werkmap opnieuw in de gedeelde map. De volgende synchronisatie leest ze opnieuw.',
  'feedback.next.opvolging':
    'Volgende stap: verbeter de cellen hierboven in de opvolging. De volgende synchronisatie controleert ze opnieuw.',
  'feedback.next.aanbod':
    'Volgende stap: verbeter de cellen hierboven en mail de verbeterde werkmap naar {email} ({who}).',
  'feedback.next.kandidatuur':
    'Volgende stap: verbeter de cellen hierboven en mail de verbeterde werkmap naar {email} met als onderwerp "{subject}".',
  'feedback.next.kandidatuur-by':
    'Volgende stap: verbeter de cellen hierboven en mail de verbeterde werkmap naar {email} met als onderwerp "{subject}", uiterlijk {when} (Brusselse tijd).',
  'feedback.next.kandidatuur-late':
    'Volgende stap: de indieningstermijn liep af op {when} (Brusselse tijd). Neem contact op met de coördinator ({email}) voor u een verbeterde werkmap stuurt.',
  'cli.intake':
    'neem bewaarde e-mails (.eml) in: de bijgevoegde kandidaturen en aanbodwerkmappen naar de gedeelde map, ontvangstmoment en onderwerp naar de opvolging',
  'cli.intake-files': 'een .eml-bestand of een map met .eml-bestanden',
  'cli.sync': 'haal alle werkmappen op, maak het regionaal overzicht en zet het in de gedeelde map',
  'cli.opt-drive':
    'de gedeelde map: folder:PAD of gdrive:MAP-ID (standaard: de map die "partnerschap config" instelde)',
  'cli.opt-wait-lock':
    'hoe lang (in seconden) een sync wacht als er al een andere loopt op dezelfde gedeelde map',
  'cli.invalid-seconds':
    'ongeldige waarde "{value}" voor {option}: geef een aantal seconden (0 of meer).',
  'cli.init':
    'richt een nieuwe gedeelde map in: de mappen van de regio, de lege sjablonen en een uitleg',
  'init.not-empty':
    '{drive} is al (deels) ingericht; al aanwezig: {found}. "partnerschap init" raakt een gedeelde map met werk van het team niet aan.',
  'init.done':
    '{drive} is ingericht: {folders} mappen, de lege sjablonen in Sjablonen/ en LEESMIJ.txt. Stel deze map in met "partnerschap config --drive …" en start de eerste sync.',
  'init.readme':
    "Gedeelde map van het lokaal partnerschap {region}\n\nWat hoort waar:\n- {gemeenten}/: de werkmap van elke gemeente (persona's en noden).\n- {aanbod}/: de aanbodwerkmappen van de partners.\n- {kandidaturen}/: de kandidaturen voor de oproep.\n- {tracker}: de opvolging van de kandidaturen, door de coördinator bijgehouden.\n- {overzicht}: het regionaal overzicht, door de sync gemaakt. Typ er niet in: een gewijzigde versie wordt bij de volgende sync opzij gezet.\n- {feedback}/: per bestand wat er te verbeteren valt, door de sync geschreven.\n- {sjablonen}/: lege werkmappen om mee te beginnen. Kopieer een sjabloon naar de juiste map en vul het in.\n- .partnerschap/: wat de sync onthoudt en de vergrendeling tijdens een sync. Niet aanpassen.",
  'config.description': 'stel de gedeelde map in die sync en reminders gebruiken, of toon ze',
  'config.no-drive':
    'er is geen gedeelde map ingesteld. Geef --drive folder:PAD of --drive gdrive:MAP-ID, of stel ze eenmaal in met: partnerschap config --drive folder:PAD',
  'config.unreadable': 'de instellingen in {file} konden niet gelezen worden: {reason}',
  'config.invalid':
    'de instellingen in {file} zijn onleesbaar. Stel de gedeelde map opnieuw in met: partnerschap config --drive …',
  'config.saved': 'Gedeelde map ingesteld: {drive} (bewaard in {file}).',
  'config.shown': 'Gedeelde map: {drive} (ingesteld in {file}).',
  'cli.opt-state':
    'de map voor de lokale cache van gedownloade werkmappen (standaard in uw cachemap); wat de sync onthoudt, staat op de gedeelde map zelf',
  'cli.opt-dry-run': 'toon wat er zou gebeuren, zonder iets in de gedeelde map te schrijven',
  'cli.sync-opt-at':
    'het overzicht zoals op deze dag (dd/mm/jjjj): een proefdraai, het overzicht komt in een lokaal bestand',
  'cli.sync-opt-out': 'waar het overzicht van --at komt (standaard in de huidige map)',
  'cli.sync-out-xlsx': 'het overzicht van --at moet eindigen op .xlsx: {file}',
  'cli.sync-out-without-at':
    '--out hoort bij --at: zonder --at komt het overzicht op de gedeelde map',
  'cli.sync-at-name': '{base} op {date}.xlsx',
  'cli.start-next': 'Wat nu?',
  'cli.start-overview': '- Bekijk het regionaal overzicht: {file}',
  'cli.start-feedback': '- Lees de feedback per bestand (wat er te verbeteren is): {dir}',
  'cli.start-reminders':
    '- Toon de herinneringen op {date}, midden in de oproep van het voorbeeld: {command}',
  'cli.start-reminders-today': '  Zonder --at ziet u wat er vandaag te doen is.',

  // Task pane: views (src/addin/ui)
  'pane.title': 'Partnerschap',
  'pane.region': 'Regio {region}',
  'pane.nav': 'Onderdelen van het paneel',
  'pane.busy': 'Even geduld…',
  'pane.cannot-start': 'Partnerschap kan niet starten',
  'pane.starting': 'Partnerschap wordt gestart…',
  'pane.reading': 'De werkmap wordt gelezen…',
  'pane.read-failed':
    'De werkmap kon niet gelezen worden: {reason} Tot dat lukt, toont en bewaart het paneel niets; er is niets gewijzigd in uw werkmap.',
  'pane.reread-failed':
    'De werkmap kon niet opnieuw gelezen worden: {reason} Wat het paneel toont, is misschien niet meer wat de werkmap bevat.',
  'pane.follow-failed':
    'Het paneel kan wijzigingen in de werkmap niet volgen: {reason} Wat anderen of u in Excel wijzigen, ziet het pas na "Opnieuw lezen"; opslaan blijft veilig.',
  'pane.reread': 'Opnieuw lezen',
  'pane.office-failed':
    'Excel opende dit paneel, maar Office (office.js) kon niet geladen worden. Controleer de internetverbinding en open het paneel opnieuw. Er is niets gewijzigd in uw werkmap.',
  'pane.office-not-excel': 'Partnerschap werkt alleen in Excel, niet in {host}.',
  'pane.crashed':
    'Er ging iets mis in dit deel van het paneel. Uw gegevens in de werkmap zijn niet verloren; laad het paneel opnieuw.',
  'pane.example-missing':
    'Het voorbeeld ({url}) ontbreekt in deze installatie. Open een werkmap van uw computer.',
  'pane.choose': 'Kies…',
  'pane.all': 'Alle',
  'pane.date-placeholder': 'dd/mm/jjjj',
  'pane.tab-start': 'Start',
  'pane.tab-personas': "Persona's",
  'pane.tab-check': 'Controleren',
  'pane.tab-offers': 'Aanbod',
  'pane.tab-coverage': 'Dekking',
  'pane.tab-timeline': 'Tijdlijn',
  'pane.nav-more': 'Meer',
  'pane.start-heading': 'Start',
  'pane.start-region':
    'Regio {region}, gecoördineerd door {coordinator}, met {municipalities} gemeenten.',
  'pane.start-none':
    'Deze werkmap is nog geen Partnerschap-werkmap. Kies uw gemeente en klik op "Werkmap inrichten".',
  'pane.start-current': 'Deze werkmap is de {kind} van {owner} (sjabloonversie {version}).',
  'pane.start-outdated':
    'Deze werkmap is de {kind} van {owner}, gemaakt met een ouder sjabloon (versie {version}). "Werkmap bijwerken" voegt toe wat ontbreekt; ingevulde gegevens blijven staan.',
  'pane.start-missing': 'Ontbreekt: {parts}.',
  'pane.start-first-heading': 'Wat doet "Werkmap inrichten"?',
  'pane.start-first-sheets':
    'Het voegt deze bladen toe: {sheets}. Verborgen bladen bewaren de keuzelijsten.',
  'pane.start-first-read-only': '{sheet} (alleen lezen)',
  'pane.start-first-keeps': 'Wat al in de werkmap staat, blijft staan.',
  'pane.start-first-undo':
    'Met Ctrl+Z kunt u het niet ongedaan maken. Twijfelt u? Probeer het eerst in een nieuwe, lege werkmap.',
  'pane.start-municipality': 'Gemeente',
  'pane.setup': 'Werkmap inrichten',
  'pane.upgrade': 'Werkmap bijwerken',
  'pane.setup-created': "De werkmap is ingericht: vul nu de persona's en hun noden in.",
  'pane.setup-current': 'De werkmap was al up-to-date; er is niets veranderd.',
  'pane.setup-upgraded-version':
    'De werkmap is bijgewerkt naar sjabloonversie {version}. Ingevulde gegevens zijn niet gewijzigd.',
  'pane.setup-upgraded':
    'De werkmap is bijgewerkt. Toegevoegd: {added}. Ingevulde gegevens zijn niet gewijzigd.',
  'pane.persona-heading': "Persona's en noden",
  'pane.persona-pick': 'Persona',
  'pane.persona-new': 'Nieuwe persona',
  'pane.persona-form': 'Persona en noden',
  'pane.persona-id-taken': 'Deze Persona-ID bestaat al in deze werkmap. Kies een andere.',
  'pane.persona-twin-option': '{name} (dubbele ID, rij {row})',
  'pane.persona-twins':
    'Persona-ID {id} staat op meer dan één rij ({rows}); u ziet rij {row}. Geef elke persona in Excel een eigen ID: tot dan weigert Opslaan, want het paneel kan niet weten welke rij u bedoelt.',
  'pane.persona-gone':
    'Persona {id} staat niet meer in de werkmap: iemand heeft haar verwijderd of haar ID gewijzigd. Wat u typte, staat nog in het formulier; Opslaan voegt haar toe als nieuwe persona.',
  'pane.persona-save': 'Opslaan',
  'pane.persona-clear': 'Leegmaken',
  'pane.persona-saved': 'Persona {id} en haar noden zijn opgeslagen.',
  'pane.persona-saved-form':
    'Opgeslagen: {persona}. Het formulier is leeg voor een nieuwe persona; kies {id} hierboven om verder te werken.',
  'pane.persona-fix': 'Verbeter eerst de rood gemarkeerde velden; er is nog niets opgeslagen.',
  'pane.needs-heading': 'Noden van {id}',
  'pane.need-n': 'Nood {n}',
  'pane.need-add': 'Nood toevoegen',
  'pane.need-remove': 'Nood {n} weglaten',
  'pane.suggest-heading': 'Passend aanbod voor {id}',
  'pane.suggest-not-loaded':
    'Het aanbod van de partners is nog niet geladen, dus er valt nog niets voor te stellen. Laad het regionale overzicht of een aanbodinventaris met "Aanbod bijwerken…".',
  'pane.suggest-no-needs':
    'Deze persona heeft nog geen noden. Voeg hieronder een nood toe en sla op: dan verschijnt hier het aanbod dat erbij past.',
  'pane.suggest-none':
    'Geen actief aanbod in {municipality} dekt {areas}. Zoek in Aanbod op een verwant woord of zonder gemeente, kijk in Dekking of dit een hiaat is, of laad een recenter overzicht.',
  'pane.suggest-found':
    '{n|aanbod past|aanbiedingen passen} bij de opgeslagen noden, het best passende eerst.',
  'pane.suggest-uncovered':
    'Voor {areas} past geen aanbod: kijk in Dekking of dit een hiaat is, of zoek in Aanbod op een verwant woord.',
  'pane.suggest-list': 'Passend aanbod',
  'pane.suggest-why': 'Waarom: {why}.',
  'pane.suggest-all': 'Toon alle {n}',
  'pane.check-heading': 'Controleren',
  'pane.check-run': 'Werkmap controleren',
  'pane.check-clean': 'Alles in orde: er is niets te verbeteren.',
  'pane.check-summary':
    'Gevonden: {errors|fout|fouten} en {warnings|waarschuwing|waarschuwingen}. Klik op een melding om naar de cel te gaan.',
  'pane.check-list': 'Meldingen',
  'pane.check-more': 'En nog {n|melding|meldingen}; verbeter eerst deze.',
  'pane.check-select': 'Naar deze cel gaan',
  'pane.offers-heading': 'Aanbod',
  'pane.offers-intro':
    'Het blad Aanbod toont het aanbod van de partners. Vernieuw het met het gepubliceerde regionale overzicht of een aanbodinventaris, en zoek erin.',
  'pane.offers-refresh': 'Aanbod bijwerken…',
  'pane.offers-refreshed':
    'Aanbod bijgewerkt: {n|aanbod|aanbiedingen} overgenomen uit {file} ({problems|melding|meldingen} bij het lezen).',
  'pane.offers-search': 'Zoeken in het aanbod',
  'pane.offers-none-yet': 'Het blad Aanbod is nog leeg. Klik op "Aanbod bijwerken…".',
  'match.covers': 'dekt {covered} van {of|nood|noden}',
  'match.languages': 'ook in: {languages}',
  'match.interpreter': 'met tolk',
  'match.no-wait': 'geen wachttijd',
  'match.wait': 'wacht {weeks|week|weken}',
  'pane.offers-found': '{n|aanbod|aanbiedingen} gevonden.',
  'pane.offers-none-areas':
    'Geen aanbod gevonden. Uw zoekwoord hoort bij: {areas}. Kies dat probleemgebied hierboven, of laat een filter weg.',
  'pane.offers-none-try':
    'Geen aanbod gevonden. Probeer een ander woord (bv. schulden, woning, taal, vervoer) of laat een filter weg.',
  'pane.offers-results': 'Gevonden aanbod',
  'pane.offers-more': 'En nog {n|aanbod|aanbiedingen}: verfijn de zoekopdracht.',
  'pane.filter-area': 'Probleemgebied',
  'pane.filter-municipality': 'Gemeente',
  'pane.filter-group': 'Doelgroep',
  'pane.filter-language': 'Taal',
  'pane.filter-wait': 'Wachttijd hoogstens (weken)',
  'pane.filter-wait-invalid': 'Geef een getal, bv. 4.',
  'pane.filter-text': 'Zoekwoorden',
  'pane.card-areas': 'Voor: {areas}',
  'pane.card-where': 'Waar: {municipalities}',
  'pane.card-languages': 'Talen: {languages}',
  'pane.card-cost': 'Kostprijs: {cost}; {wait}',
  'pane.card-contact': 'Contact: {name}',
  'pane.coverage-heading': 'Dekking in {municipality}',
  'pane.coverage-no-municipality':
    'Deze werkmap noemt geen gemeente van de regio. Richt ze in via Start.',
  'pane.coverage-summary':
    '{gaps|hiaat|hiaten}: een probleemgebied met vraag maar zonder aanbod, of met een wachttijd van meer dan {weeks} weken.',
  'pane.coverage-table': 'Vraag en aanbod per probleemgebied',
  'pane.coverage-area': 'Probleemgebied',
  'pane.coverage-demand': 'Vraag (burgers)',
  'pane.coverage-offers': 'Aanbod',
  'pane.coverage-gap': 'Hiaat: {reason}',
  'pane.coverage-covered': 'gedekt',
  'pane.coverage-no-need': 'geen vraag',
  'pane.coverage-not-loaded':
    'Het aanbod van de partners is nog niet geladen. Laad het regionale overzicht of een aanbodinventaris; pas dan toont Dekking waar aanbod ontbreekt.',
  'pane.coverage-not-compared': 'nog niet vergeleken',
  'pane.coverage-loaded': 'Aanbod geladen op {date} uit {source}.',
  'pane.coverage-loaded-unknown':
    'Het blad Aanbod werd niet via dit paneel geladen: herkomst en datum zijn onbekend.',
  'pane.coverage-old':
    'Dit aanbod is {days} dagen oud: wachttijden en aanbod kunnen veranderd zijn. Laad het recentste overzicht.',
  'pane.chart-insert': 'Grafiek invoegen',
  'pane.chart-inserted': 'De grafiek staat op het blad "{sheet}".',
  'pane.chart-data-only':
    'De gegevens staan op het blad "{sheet}". In de voorbeeldmodus kan geen grafiek getekend worden; in Excel wel.',
  'pane.timeline-heading': 'Tijdlijn van de oproep',
  'pane.timeline-at': 'Stand op {date}.',
  'pane.timeline-milestones': 'Stappen van de oproep',
  'pane.timeline-reminders': 'Herinneringen',
  'pane.timeline-no-reminders': 'Er is nu niets dringend.',
  'pane.timeline-staff-dates': 'Belangrijke data voor uw gemeente',
  'pane.timeline-todos': 'Wat uw werkmap nog mist',
  'pane.timeline-todo': 'te doen',
  'pane.timeline-todo-none':
    'Uw werkmap mist niets: elke persona heeft noden, de verplichte cellen zijn ingevuld en het aanbod is geladen.',
  'pane.file-not-xlsx': '{file}: dit is geen Excel-werkmap (.xlsx).',
  'pane.file-empty': '{file}: het bestand is leeg.',
  'pane.file-too-large': '{file}: het bestand is te groot (de grens is {limit}).',
  'pane.preview-badge': 'Voorbeeldmodus',
  'pane.preview-toolbar': 'Werkmap',
  'pane.preview-open': 'Werkmap openen…',
  'pane.preview-blank': 'Nieuwe lege werkmap',
  'pane.preview-blank-name': 'Nieuwe werkmap.xlsx',
  'pane.preview-download': 'Downloaden',
  'pane.preview-sheets': 'Bladen van de werkmap',
  'pane.preview-grid': 'Blad {sheet}',
  'pane.preview-row': 'Rij',
  'pane.check-dialog-title': 'Partnerschap: controle',
  'pane.check-dialog-failed':
    'De controle kon niet lopen (Excel antwoordde niet of een tabel is beschadigd). Probeer opnieuw, of open het paneel en kies Controleren.',
  'pane.check-dialog-clean': 'Alles in orde: {rows|rij|rijen} gecontroleerd, niets te verbeteren.',
  'pane.check-dialog-summary':
    'Controle: {errors|fout|fouten} en {warnings|waarschuwing|waarschuwingen} in {rows|rij|rijen}.',
  'pane.check-dialog-first': 'De eerste staat op blad {sheet}, cel {cell} (geselecteerd).',
  'pane.check-dialog-more': 'Open het paneel en kies Controleren voor de hele lijst.',
  'pane.check-dialog-close': 'Sluiten',

  // Task pane: Office.js host and ribbon command (src/workbook/excel, src/addin/host/office-host.ts, src/addin/commands)
  'excel.tables-missing':
    'Een van de tabellen {tables} ontbreekt. Kies "Werkmap inrichten" om ze opnieuw aan te maken.',
  'excel.table-on-sheet': '"{table}" (blad "{sheet}")',
  'excel.read-too-large':
    'Een rij van {tables} is te groot om in één keer te lezen in Excel op het web. Maak de lange teksten in die rij korter, of open de werkmap in Excel voor Windows of Mac.',
  'excel.row-outside-table':
    'Rij {row} hoort niet (meer) bij de tabel "{table}" op het blad "{sheet}". Lees de werkmap opnieuw in en probeer het nog eens.',
  'excel.key-gone':
    'Geen rij van de tabel "{table}" met {header} {value} is nog zoals het paneel ze las: ze werd intussen verwijderd of gewijzigd. Er is niets opgeslagen. Het paneel toont nu wat de werkmap bevat; probeer opnieuw.',
  'excel.key-duplicate':
    'Meer dan één rij van de tabel "{table}" past bij {header} {value} (rijen {rows}). Er is niets opgeslagen: verwijder de dubbele rij of maak ze verschillend en probeer opnieuw.',
  'excel.key-taken':
    '{header} {value} staat al op rij {rows} van de tabel "{table}". Er is niets opgeslagen: kies een andere {header}.',
  'excel.key-exists':
    '{header} {value} bestaat al in de tabel "{table}" (rij {rows}). Er is niets opgeslagen: een nieuwe rij overschrijft nooit een bestaande. Kies een andere {header}, of kies die rij in het paneel om ze te bewerken.',
  'excel.this-workbook': 'deze werkmap',
  'excel.sheet-missing': 'Het blad "{sheet}" bestaat niet (meer) in deze werkmap.',
  'excel.setup-other-kind':
    'Deze werkmap is een {found}, geen {wanted}. Begin met een lege werkmap om een {wanted} in te richten.',
  'excel.setup-sheet-in-use':
    'Het blad "{sheet}" bestaat al en is niet leeg, maar heeft geen tabel "{table}". Geef het blad een andere naam en kies opnieuw "Werkmap inrichten".',
  'excel.chart-sheet': 'Grafiek dekking',
  'excel.chart-title': 'Vraag en aanbod per probleemgebied – {municipality}',
  'excel.chart-area': 'Probleemgebied',
  'excel.chart-demand': 'Vraag (geschat aantal burgers)',
  'excel.chart-offers': 'Aanbod (actieve aanbiedingen)',
  'excel.chart-axis': 'Aantal',

  // Task pane: preview host and pane domain (src/addin/host/preview-host.ts, src/domain/pane)
  'preview.file-refused': '{file}: niet gelezen: {message}',
  'preview.column-missing':
    'De kolom "{header}" ontbreekt op het blad "{sheet}". Kies "Werkmap inrichten" om ze toe te voegen.',
  'offer-file.not-inventory':
    '{file} is geen aanbodinventaris en geen regionaal overzicht: er is geen blad Aanbod met de kolommen van het sjabloon. Kies het gepubliceerde regionaal overzicht of de aanbodwerkmap van een partner.',
  'offer-card.wait-none': 'geen wachttijd',
  'offer-card.wait-week': '1 week wachttijd',
  'offer-card.wait-weeks': '{weeks} weken wachttijd',
  'form.privacy': "Dit lijkt {what}. Persona's en noden zijn anoniem: verwijder persoonsgegevens.",
  'timeline-item.range': '{from} tot {to}',
  'timeline-item.past': 'voorbij',
  'timeline-item.now': 'nu bezig',
  'timeline-item.next': 'volgende stap, {left}',
  'timeline-item.upcoming': '{left}',
  'timeline-item.provisional': '(onder voorbehoud)',
  'todo.set-up':
    'Deze werkmap is nog geen Partnerschap-werkmap: kies uw gemeente bij Start en klik op "Werkmap inrichten".',
  'todo.upgrade':
    'De werkmap is gemaakt met een ouder sjabloon: klik bij Start op "Werkmap bijwerken". Ingevulde gegevens blijven staan.',
  'todo.no-personas':
    "Er staat nog geen persona in de werkmap: voeg er een toe bij Persona's, of vul het blad Persona's in.",
  'todo.no-needs':
    "Persona {who} heeft nog geen noden: kies {id} bij Persona's en voeg er minstens één toe.",
  'todo.required':
    '{n|verplichte cel is|verplichte cellen zijn} nog leeg: vul ze in, anders telt de rij niet mee in het regionaal overzicht.',
  'todo.issues': 'Controleren vindt nog {found}: bekijk ze bij Controleren.',
  'todo.errors': '{n|fout|fouten}',
  'todo.warnings': '{n|waarschuwing|waarschuwingen}',
  'todo.and': '{a} en {b}',
  'todo.first': 'De eerste staat op {where}.',
  'todo.offers-not-loaded':
    'Het aanbod van de partners is nog niet geladen: klik bij Aanbod op "Aanbod bijwerken…" en kies het regionaal overzicht. Dan tonen Dekking en Passend aanbod wat er is.',
  'todo.offers-old':
    'Het aanbod is {days} dagen oud (geladen op {date}): laad het recentste regionaal overzicht bij Aanbod.',
  'todo.deadline':
    "Partners schrijven hun kandidatuur met het regionaal overzicht: zet uw persona's en noden in de gedeelde map ruim vóór de deadline voor kandidaturen, {when} ({left}).",
  'todo.deadline-past':
    "De deadline voor kandidaturen ({when}) is voorbij. Houd uw persona's en noden toch bij: het regionaal overzicht neemt ze mee bij elke synchronisatie.",
  'todo.decision': 'De beslissing over de kandidaturen wordt ten laatste op {when} meegedeeld.',
} as const;

export type MessageKey = keyof typeof nl;
/** The codes of the messages under a prefix: CodesOf<'issue'> is 'required' | … for 'issue.required'. */
export type CodesOf<P extends string> = MessageKey extends infer K
  ? K extends `${P}.${infer C}`
    ? C
    : never
  : never;
export type MessageParams = Record<string, string | number>;

const catalogues: Record<string, Record<MessageKey, string>> = { nl };
let current: Record<MessageKey, string> = nl;

export function setLanguage(lang: string): void {
  current = catalogues[lang] ?? nl;
}

/**
 * The message with its placeholders filled in. `{n|rij|rijen}` chooses the singular or plural
 * word after the number n.
 */
export function t(key: MessageKey, params: MessageParams = {}): string {
  return current[key].replace(
    /\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g,
    (whole, name: string, one?: string, many?: string) => {
      if (!(name in params)) return whole;
      const value = params[name];
      if (one === undefined) return String(value);
      return `${value} ${value === 1 ? one : many}`;
    },
  );
}

/**
 * Word lists for the fake city. Names of people are drawn from lists of common first and last
 * names and combined at random: no record describes a real person. Company names are
 * generated from generic words; any likeness to a real firm is coincidence.
 */

// prettier-ignore
export const FIRST_NAMES = [
  'Anna', 'Andreas', 'Angelika', 'Alexander', 'Birgit', 'Bernd', 'Brigitte', 'Christian',
  'Claudia', 'Dieter', 'Daniela', 'Dirk', 'Elke', 'Frank', 'Gabriele', 'Heike', 'Holger',
  'Ingrid', 'Jan', 'Jörg', 'Julia', 'Jürgen', 'Karin', 'Klaus', 'Katharina', 'Lukas', 'Laura',
  'Manfred', 'Monika', 'Markus', 'Martina', 'Michael', 'Nicole', 'Norbert', 'Petra', 'Peter',
  'Ralf', 'Renate', 'Sabine', 'Stefan', 'Susanne', 'Thomas', 'Tanja', 'Ulrich', 'Ursula',
  'Uwe', 'Werner', 'Wolfgang', 'Sandra', 'Sven', 'Tobias', 'Lea', 'Leon', 'Paul', 'Marie',
  'Sophie', 'Felix', 'Jonas', 'Hannah', 'Emma', 'Mehmet', 'Ayşe', 'Fatma', 'Mustafa', 'Emine',
  'Ahmet', 'Zeynep', 'Murat', 'Elif', 'Hüseyin', 'Piotr', 'Agnieszka', 'Krzysztof', 'Katarzyna',
  'Tomasz', 'Magdalena', 'Dragan', 'Jelena', 'Ivan', 'Olga', 'Sergej', 'Natalia', 'Giuseppe',
  'Maria', 'Antonio', 'Giulia', 'Georgios', 'Eleni', 'Ali', 'Leyla',
] as const;

// prettier-ignore
export const LAST_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz',
  'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann',
  'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt',
  'Werner', 'Schmitz', 'Krause', 'Meier', 'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler',
  'Herrmann', 'König', 'Walter', 'Mayer', 'Huber', 'Kaiser', 'Fuchs', 'Peters', 'Lang',
  'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Schubert', 'Vogel', 'Friedrich', 'Keller',
  'Günther', 'Frank', 'Berger', 'Winkler', 'Roth', 'Beck', 'Lorenz', 'Baumann', 'Franke',
  'Albrecht', 'Schuster', 'Simon', 'Ludwig', 'Böhm', 'Winter', 'Kraus', 'Martin', 'Schumacher',
  'Krämer', 'Vogt', 'Stein', 'Jäger', 'Otto', 'Sommer', 'Groß', 'Seidel', 'Heinrich', 'Brandt',
  'Haas', 'Schreiber', 'Graf', 'Dietrich', 'Ziegler', 'Kuhn', 'Kühn', 'Pohl', 'Engel', 'Horn',
  'Busch', 'Bergmann', 'Thomas', 'Voigt', 'Sauer', 'Arnold', 'Wolff', 'Pfeiffer', 'Kowalski',
  'Nowak', 'Wiśniewski', 'Lewandowski', 'Kamiński', 'Zieliński', 'Szymański', 'Yılmaz', 'Kaya',
  'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın', 'Arslan', 'Doğan', 'Petrović',
  'Jovanović', 'Nikolić', 'Popescu', 'Ivanov', 'Russo', 'Esposito', 'Papadopoulos', 'Rossi',
] as const;

/** Words that make "<word>straße", "<word>weg", … */
// prettier-ignore
export const STREET_STEMS = [
  'Bahnhof', 'Haupt', 'Schul', 'Kirch', 'Garten', 'Berg', 'Wald', 'Linden', 'Eichen', 'Birken',
  'Buchen', 'Ahorn', 'Kastanien', 'Erlen', 'Weiden', 'Post', 'Markt', 'Mühlen', 'Wiesen',
  'Feld', 'Sonnen', 'Rosen', 'Tulpen', 'Nelken', 'Flieder', 'Holunder', 'Hasel', 'Brunnen',
  'Teich', 'Bach', 'Grund', 'Hügel', 'Heide', 'Moor', 'Bruch', 'Zechen', 'Schacht', 'Stollen',
  'Hütten', 'Kanal', 'Hafen', 'Schleusen', 'Brücken', 'Tor', 'Turm', 'Burg', 'Schloss', 'Hof',
  'Kloster', 'Kapellen', 'Friedhof', 'Sport', 'Park', 'Rathaus', 'Gewerbe', 'Industrie',
  'Bergmann', 'Knappen', 'Steiger', 'Hauer', 'Glückauf', 'Kolonie', 'Siedlungs', 'Acker',
  'Korn', 'Hafer', 'Roggen', 'Flachs', 'Schäfer', 'Jäger', 'Förster', 'Fischer', 'Müller',
  'Schmiede', 'Weber', 'Bäcker', 'Drossel', 'Amsel', 'Finken', 'Lerchen', 'Meisen', 'Falken',
  'Habicht', 'Kranich', 'Schwalben', 'Stern', 'Mond', 'Regenbogen', 'Friedens', 'Freiheits',
  'Einigkeits', 'Goethe', 'Schiller', 'Lessing', 'Uhland', 'Heine', 'Mozart', 'Beethoven',
  'Händel', 'Schubert', 'Dürer', 'Kepler', 'Humboldt', 'Luther', 'Kant', 'Fontane', 'Storm',
  'Eichendorff', 'Mörike', 'Hebbel', 'Raabe', 'Grimm', 'Gutenberg', 'Röntgen', 'Diesel',
  'Liebig', 'Bunsen', 'Siemens', 'Kolping', 'Barbara', 'Josef', 'Antonius', 'Elisabeth',
  'Marien', 'Michael', 'Nikolaus', 'Martin', 'Laurentius', 'Bonifatius',
] as const;

// prettier-ignore
export const STREET_SUFFIXES = [
  ['straße', 12],
  ['weg', 5],
  ['allee', 1],
  ['ring', 1],
  ['platz', 1],
  ['gasse', 1],
  ['pfad', 1],
  ['damm', 0.5],
  ['kamp', 1],
  ['feld', 0.5],
] as const;

/** "Am …", "An der …", "Im …", "Auf dem …", "Zum …" */
// prettier-ignore
export const STREET_PHRASES = [
  'Am Stadtgarten', 'Am Westring', 'Am Ostbach', 'Am Kanal', 'Am Hang', 'Am Anger',
  'Am Wasserturm', 'Am Förderturm', 'Am Schacht', 'Am Gysenberg', 'Am Buschkamp', 'Am Lohbach',
  'Am Sportplatz', 'Am Schlosspark', 'Am Dorfbrunnen', 'Am Hünenberg', 'Am Stadion',
  'Am Kreuzkamp', 'Am Hasenkamp', 'Am Knappenheim', 'An der Linde', 'An der Kirche',
  'An der Mühle', 'An der Zeche', 'An der Kolonie', 'An der Halde', 'An der Schule',
  'An der Bahn', 'An den Teichen', 'An den Gärten', 'Im Wiesengrund', 'Im Winkel', 'Im Busch',
  'Im Hagen', 'Im Sundern', 'Im Kamp', 'Im Grünen Winkel', 'Im Heideck', 'Auf dem Berge',
  'Auf dem Kamp', 'Auf der Heide', 'Auf der Wenge', 'Zum Bahnhof', 'Zum Kanal', 'Zur Zeche',
  'Zur Halde', 'Zur Mühle', 'Hinter den Höfen', 'Unter den Eichen', 'Vor dem Tore',
] as const;

/** Places the roads lead to: "Sodinger Straße", "Castroper Straße". */
// prettier-ignore
export const PLACE_ADJECTIVES = [
  'Sodinger', 'Bochumer', 'Dortmunder', 'Recklinghauser', 'Castroper', 'Gelsenkirchener',
  'Wanner', 'Eickeler', 'Holsterhauser', 'Horsthauser', 'Börniger', 'Baukauer', 'Cranger',
  'Röhlinghauser', 'Bickerner', 'Holthauser', 'Hertener', 'Essener', 'Emscher', 'Dorstener',
  'Mengeder', 'Gerther', 'Hiltroper', 'Riemker', 'Resser', 'Buerer', 'Marler', 'Datteln',
] as const;

// prettier-ignore
export const PLACE_ROAD_SUFFIXES = [
  ['Straße', 6],
  ['Weg', 1],
  ['Allee', 0.5],
  ['Landstraße', 0.5],
] as const;

/** Where landlords outside Herne have their post. */
// prettier-ignore
export const OTHER_CITIES = [
  { city: 'Bochum', postcodes: ['44787', '44789', '44791', '44795', '44801'] },
  { city: 'Gelsenkirchen', postcodes: ['45879', '45881', '45883', '45888', '45891'] },
  { city: 'Dortmund', postcodes: ['44135', '44137', '44139', '44141', '44147'] },
  { city: 'Essen', postcodes: ['45127', '45128', '45130', '45131', '45136'] },
  { city: 'Recklinghausen', postcodes: ['45657', '45659', '45661', '45663'] },
  { city: 'Castrop-Rauxel', postcodes: ['44575', '44577', '44579', '44581'] },
  { city: 'Düsseldorf', postcodes: ['40210', '40211', '40212', '40213', '40479'] },
  { city: 'Köln', postcodes: ['50667', '50668', '50670', '50672', '50674'] },
  { city: 'Berlin', postcodes: ['10115', '10117', '10119', '10178', '10785'] },
  { city: 'Hamburg', postcodes: ['20095', '20097', '20099', '20354', '22765'] },
  { city: 'Frankfurt am Main', postcodes: ['60311', '60313', '60322', '60325', '60329'] },
  { city: 'München', postcodes: ['80331', '80333', '80335', '80469', '80802'] },
] as const;

/** Generic street names for postal addresses in other cities. */
// prettier-ignore
export const GENERIC_STREETS = [
  'Hauptstraße', 'Bahnhofstraße', 'Kirchstraße', 'Schulstraße', 'Gartenstraße', 'Marktplatz',
  'Lindenallee', 'Poststraße', 'Ringstraße', 'Industriestraße', 'Am Markt', 'Königstraße',
  'Kaiserstraße', 'Parkstraße', 'Wilhelmstraße', 'Friedrichstraße', 'Uferstraße', 'Hafenweg',
  'Rheinallee', 'Gewerbepark', 'Westfalendamm', 'Ruhrallee', 'Hansaring', 'Berliner Platz',
] as const;

/** Pieces of company names. */
// prettier-ignore
export const REGION_WORDS = [
  'Emscher', 'Ruhr', 'Revier', 'Westfalen', 'Zeche', 'Glückauf', 'Rhein-Ruhr', 'Vest',
  'Hellweg', 'Lippe', 'Kanal', 'Halde', 'Kohlenpott', 'Förderturm', 'Schlägel', 'Steiger',
  'Cranger', 'Gysenberg', 'Emschertal', 'Westring', 'Nordstern', 'Erin', 'Kreuzkamp', 'Mondpalast',
] as const;

// prettier-ignore
export const BUSINESS_WORDS = [
  'Wohnbau', 'Wohnen', 'Immobilien', 'Grundbesitz', 'Wohnungsgesellschaft', 'Hausbesitz',
  'Objektgesellschaft', 'Bauträger', 'Wohnstätten', 'Real Estate', 'Property', 'Invest',
  'Vermögensverwaltung', 'Liegenschaften', 'Wohnraum', 'Projektbau', 'Haus & Hof',
] as const;

// prettier-ignore
export const MANAGER_WORDS = [
  'Hausverwaltung', 'Immobilienverwaltung', 'WEG-Verwaltung', 'Objektbetreuung',
  'Immobilienmanagement', 'Facility & Verwaltung',
] as const;

// prettier-ignore
export const COOP_PATTERNS = [
  'Wohnungsgenossenschaft {region} eG',
  'Bauverein {region} eG',
  'Gemeinnützige Baugenossenschaft {region} eG',
  'Bergarbeiter-Wohnungsgenossenschaft {region} eG',
] as const;

// prettier-ignore
export const COOP_REGIONS = [
  'Emscherbruch-Nord', 'Gysenberg-Süd', 'Crange-West', 'Holsterhausen-Ost', 'Bickern-Heide',
  'Börnig-Mark', 'Horsthausen-Kanal', 'Röhlinghausen-Feld',
] as const;

// prettier-ignore
export const BUILDING_LABELS = ['Vorderhaus', 'Hinterhaus', 'Seitenflügel', 'Anbau'] as const;

// prettier-ignore
export const UNDELIVERABLE_NOTES = [
  'Postzustellung gescheitert: Empfänger unbekannt verzogen (Rückbrief).',
  'Briefkasten ohne Namen; Zustellung per PZU nicht möglich.',
  'Anschrift ist ein Büroservice; Empfänger dort nicht erreichbar.',
] as const;

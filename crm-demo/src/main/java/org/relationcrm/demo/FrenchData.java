package org.relationcrm.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** The words demo data is made of: French names, cities with their postal codes and phone prefixes, trades. */
final class FrenchData {

    private FrenchData() {
    }

    /**
     * A city, its weight (roughly its economic size), its postal codes, the first digits of its landlines
     * ("04 78" in Lyon) and its demonym as an adjective in the four forms French needs.
     */
    record City(String name, int weight, String[] postalCodes, String[] phonePrefixes,
                String masculine, String feminine, String masculinePlural, String femininePlural) {

        String demonym(boolean feminine, boolean plural) {
            if (feminine) {
                return plural ? femininePlural : this.feminine;
            }
            return plural ? masculinePlural : masculine;
        }
    }

    private static City city(String name, int weight, String postalCodes, String phonePrefixes, String demonyms) {
        String[] forms = demonyms.split(",");
        return new City(name, weight, postalCodes.split(","), phonePrefixes.split(","), forms[0], forms[1], forms[2],
                forms[3]);
    }

    static final List<City> CITIES = List.of(
            city("Paris", 60, "75001,75002,75003,75008,75009,75010,75011,75012,75013,75014,75015,75016,75017,75018,75019,75020",
                    "01 40,01 42,01 43,01 44,01 45,01 47,01 53,01 55", "Parisien,Parisienne,Parisiens,Parisiennes"),
            city("Lyon", 30, "69001,69002,69003,69004,69005,69006,69007,69008,69009", "04 78,04 72,04 37",
                    "Lyonnais,Lyonnaise,Lyonnais,Lyonnaises"),
            city("Villeurbanne", 6, "69100", "04 78,04 72", "Villeurbannais,Villeurbannaise,Villeurbannais,Villeurbannaises"),
            city("Marseille", 24, "13001,13002,13003,13006,13008,13009,13010,13011,13013,13015,13016", "04 91,04 96",
                    "Marseillais,Marseillaise,Marseillais,Marseillaises"),
            city("Aix-en-Provence", 6, "13090,13100", "04 42", "Aixois,Aixoise,Aixois,Aixoises"),
            city("Toulouse", 20, "31000,31100,31200,31300,31400,31500", "05 61,05 62,05 34",
                    "Toulousain,Toulousaine,Toulousains,Toulousaines"),
            city("Nice", 12, "06000,06100,06200,06300", "04 93,04 92", "Niçois,Niçoise,Niçois,Niçoises"),
            city("Nantes", 16, "44000,44100,44200,44300", "02 40,02 51,02 28", "Nantais,Nantaise,Nantais,Nantaises"),
            city("Montpellier", 12, "34000,34070,34080,34090", "04 67,04 99",
                    "Montpelliérain,Montpelliéraine,Montpelliérains,Montpelliéraines"),
            city("Strasbourg", 13, "67000,67100,67200", "03 88,03 90", "Strasbourgeois,Strasbourgeoise,Strasbourgeois,Strasbourgeoises"),
            city("Bordeaux", 16, "33000,33100,33200,33300,33800", "05 56,05 57", "Bordelais,Bordelaise,Bordelais,Bordelaises"),
            city("Lille", 15, "59000,59160,59260,59777,59800", "03 20,03 28", "Lillois,Lilloise,Lillois,Lilloises"),
            city("Rennes", 11, "35000,35200,35700", "02 99,02 23", "Rennais,Rennaise,Rennais,Rennaises"),
            city("Reims", 6, "51100", "03 26", "Rémois,Rémoise,Rémois,Rémoises"),
            city("Le Havre", 5, "76600,76610,76620", "02 35,02 32", "Havrais,Havraise,Havrais,Havraises"),
            city("Saint-Étienne", 6, "42000,42100", "04 77", "Stéphanois,Stéphanoise,Stéphanois,Stéphanoises"),
            city("Toulon", 6, "83000,83100,83200", "04 94", "Toulonnais,Toulonnaise,Toulonnais,Toulonnaises"),
            city("Grenoble", 9, "38000,38100", "04 76,04 38", "Grenoblois,Grenobloise,Grenoblois,Grenobloises"),
            city("Dijon", 6, "21000", "03 80", "Dijonnais,Dijonnaise,Dijonnais,Dijonnaises"),
            city("Angers", 6, "49000,49100", "02 41", "Angevin,Angevine,Angevins,Angevines"),
            city("Nîmes", 4, "30000,30900", "04 66", "Nîmois,Nîmoise,Nîmois,Nîmoises"),
            city("Clermont-Ferrand", 6, "63000,63100", "04 73", "Clermontois,Clermontoise,Clermontois,Clermontoises"),
            city("Le Mans", 4, "72000,72100", "02 43", "Manceau,Mancelle,Manceaux,Mancelles"),
            city("Brest", 4, "29200", "02 98", "Brestois,Brestoise,Brestois,Brestoises"),
            city("Tours", 6, "37000,37100,37200", "02 47", "Tourangeau,Tourangelle,Tourangeaux,Tourangelles"),
            city("Amiens", 4, "80000,80080,80090", "03 22", "Amiénois,Amiénoise,Amiénois,Amiénoises"),
            city("Limoges", 4, "87000,87100", "05 55", "Limougeaud,Limougeaude,Limougeauds,Limougeaudes"),
            city("Annecy", 5, "74000,74370", "04 50", "Annécien,Annécienne,Annéciens,Annéciennes"),
            city("Metz", 5, "57000,57050,57070", "03 87", "Messin,Messine,Messins,Messines"),
            city("Nancy", 5, "54000,54100", "03 83", "Nancéien,Nancéienne,Nancéiens,Nancéiennes"),
            city("Besançon", 4, "25000", "03 81", "Bisontin,Bisontine,Bisontins,Bisontines"),
            city("Orléans", 5, "45000,45100", "02 38", "Orléanais,Orléanaise,Orléanais,Orléanaises"),
            city("Rouen", 6, "76000,76100", "02 35", "Rouennais,Rouennaise,Rouennais,Rouennaises"),
            city("Caen", 5, "14000", "02 31", "Caennais,Caennaise,Caennais,Caennaises"),
            city("Mulhouse", 4, "68100,68200", "03 89", "Mulhousien,Mulhousienne,Mulhousiens,Mulhousiennes"),
            city("Perpignan", 3, "66000,66100", "04 68", "Perpignanais,Perpignanaise,Perpignanais,Perpignanaises"),
            city("Avignon", 3, "84000", "04 90", "Avignonnais,Avignonnaise,Avignonnais,Avignonnaises"),
            city("Poitiers", 3, "86000", "05 49", "Poitevin,Poitevine,Poitevins,Poitevines"),
            city("La Rochelle", 3, "17000", "05 46", "Rochelais,Rochelaise,Rochelais,Rochelaises"),
            city("Pau", 3, "64000", "05 59", "Palois,Paloise,Palois,Paloises"),
            city("Bayonne", 2, "64100", "05 59", "Bayonnais,Bayonnaise,Bayonnais,Bayonnaises"),
            city("Valence", 3, "26000", "04 75", "Valentinois,Valentinoise,Valentinois,Valentinoises"),
            city("Chambéry", 3, "73000", "04 79", "Chambérien,Chambérienne,Chambériens,Chambériennes"),
            city("Troyes", 2, "10000", "03 25", "Troyen,Troyenne,Troyens,Troyennes"),
            city("Vannes", 2, "56000", "02 97", "Vannetais,Vannetaise,Vannetais,Vannetaises"),
            city("Quimper", 2, "29000", "02 98", "Quimpérois,Quimpéroise,Quimpérois,Quimpéroises"),
            city("Colmar", 2, "68000", "03 89", "Colmarien,Colmarienne,Colmariens,Colmariennes"),
            city("Lorient", 2, "56100", "02 97", "Lorientais,Lorientaise,Lorientais,Lorientaises"),
            city("Cholet", 2, "49300", "02 41", "Choletais,Choletaise,Choletais,Choletaises"));

    /** A trade a company name can start with: "Boulangerie", "Transports"; its gender and number, its sector. */
    record Trade(String word, boolean feminine, boolean plural, String[] sectors, int sizeBias) {
    }

    private static Trade trade(String word, String genderNumber, int sizeBias, String... sectors) {
        return new Trade(word, genderNumber.startsWith("f"), genderNumber.endsWith("p"), sectors, sizeBias);
    }

    static final List<Trade> TRADES = List.of(
            trade("Boulangerie", "f", 0, "Boulangerie-pâtisserie", "Commerce alimentaire"),
            trade("Pâtisserie", "f", 0, "Boulangerie-pâtisserie"),
            trade("Boucherie", "f", 0, "Commerce alimentaire"),
            trade("Fromagerie", "f", 0, "Commerce alimentaire", "Agroalimentaire"),
            trade("Transports", "mp", 1, "Transport et logistique"),
            trade("Atelier", "m", 0, "Artisanat", "Ameublement"),
            trade("Ateliers", "mp", 1, "Industrie mécanique", "Métallurgie"),
            trade("Menuiserie", "f", 0, "Bâtiment", "Menuiserie"),
            trade("Charpente", "f", 0, "Bâtiment"),
            trade("Maçonnerie", "f", 0, "Bâtiment"),
            trade("Plomberie", "f", 0, "Bâtiment"),
            trade("Cabinet", "m", 0, "Expertise comptable", "Conseil juridique", "Architecture"),
            trade("Laboratoires", "mp", 2, "Santé et pharmacie", "Cosmétique"),
            trade("Pharmacie", "f", 0, "Santé et pharmacie"),
            trade("Imprimerie", "f", 1, "Imprimerie et édition"),
            trade("Éditions", "fp", 1, "Imprimerie et édition"),
            trade("Garage", "m", 0, "Automobile"),
            trade("Carrosserie", "f", 0, "Automobile"),
            trade("Hôtel", "m", 1, "Hôtellerie-restauration"),
            trade("Brasserie", "f", 0, "Hôtellerie-restauration"),
            trade("Domaine", "m", 0, "Viticulture"),
            trade("Caves", "fp", 0, "Vins et spiritueux"),
            trade("Pépinières", "fp", 0, "Horticulture"),
            trade("Fonderie", "f", 2, "Métallurgie"),
            trade("Chaudronnerie", "f", 1, "Métallurgie"),
            trade("Mécanique", "f", 1, "Industrie mécanique"),
            trade("Plasturgie", "f", 1, "Plasturgie"),
            trade("Quincaillerie", "f", 0, "Négoce de matériaux"),
            trade("Comptoir", "m", 1, "Négoce", "Distribution"),
            trade("Établissements", "mp", 1, "Négoce", "Distribution"),
            trade("Clinique", "f", 2, "Santé"),
            trade("Agence", "f", 0, "Communication", "Immobilier"),
            trade("Coopérative", "f", 1, "Agriculture"),
            trade("Scierie", "f", 1, "Bois et forêt"),
            trade("Ambulances", "fp", 0, "Santé"),
            trade("Auto-école", "f", 0, "Formation"),
            trade("Institut", "m", 1, "Formation", "Santé"),
            trade("Librairie", "f", 0, "Commerce de détail"),
            trade("Fromageries", "fp", 2, "Agroalimentaire"),
            trade("Biscuiterie", "f", 1, "Agroalimentaire"));

    /** "Dupont Distribution": a family name followed by one of these, with its sector and size bias. */
    record Activity(String word, String sector, int sizeBias) {
    }

    static final List<Activity> ACTIVITIES = List.of(
            new Activity("Distribution", "Distribution", 1),
            new Activity("Conseil", "Conseil", 0),
            new Activity("Bâtiment", "Bâtiment", 1),
            new Activity("Services", "Services aux entreprises", 1),
            new Activity("Logistique", "Transport et logistique", 1),
            new Activity("Informatique", "Informatique et numérique", 1),
            new Activity("Immobilier", "Immobilier", 0),
            new Activity("Énergie", "Énergie", 2),
            new Activity("Industries", "Industrie", 2),
            new Activity("Propreté", "Propreté et nettoyage", 1),
            new Activity("Sécurité", "Sécurité", 1),
            new Activity("Environnement", "Environnement", 1),
            new Activity("Emballages", "Emballage", 2),
            new Activity("Paysage", "Paysagisme", 0),
            new Activity("Automatismes", "Industrie", 1),
            new Activity("Froid", "Génie climatique", 1));

    /** Places a company can be named after, with their article: "Menuiserie du Vercors". */
    static final String[] PLACES = {
            "du Rhône", "de la Garonne", "des Alpes", "du Vercors", "de l'Atlantique", "du Pays basque", "de Provence",
            "de Bretagne", "du Jura", "des Vosges", "du Vieux-Port", "de la Loire", "du Lac", "du Centre",
            "de la Vallée", "des Flandres", "d'Alsace", "du Dauphiné", "de Bourgogne", "de Normandie", "du Littoral",
            "des Monts d'Or", "de la Croix-Rousse", "du Val de Saône", "des Deux Rives", "du Beaujolais", "de l'Ouest",
            "du Grand Est", "de la Côte d'Opale", "du Périgord"};

    static final String[] LEGAL_FORMS = {" SAS", " SARL", " SA", " EURL", " SASU"};

    static final String[] STREETS = {
            "rue Victor Hugo", "avenue Jean Jaurès", "boulevard Gambetta", "rue de la République", "place de la Mairie",
            "rue Pasteur", "rue des Lilas", "chemin des Vignes", "allée des Tilleuls", "rue du Général de Gaulle",
            "avenue Foch", "rue Nationale", "rue de la Gare", "quai des Chartrons", "rue Jules Ferry", "rue Voltaire",
            "avenue de la Libération", "rue du Moulin", "rue des Écoles", "impasse des Artisans", "route de Lyon",
            "rue Émile Zola", "boulevard de la Croix-Rousse", "rue Paul Bert", "rue Garibaldi", "cours Lafayette",
            "rue de la Paix", "avenue des Frères Lumière", "rue Sainte-Catherine", "rue du Faubourg", "rue Lamartine",
            "place du Marché", "rue de l'Industrie", "avenue de l'Europe", "rue des Forges", "rue Anatole France",
            "rue Denis Papin", "chemin de la Source", "rue du Port", "avenue Carnot"};

    static final String[] BUSINESS_PARKS = {
            "ZI des Bruyères", "ZA du Moulin", "Parc d'activités des Forges", "ZI Nord", "ZAC de la Plaine",
            "Parc technologique", "ZA Les Portes du Sud", "Zone artisanale du Stade"};

    static final String[] FAMILY_NAMES = {
            "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
            "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
            "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
            "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
            "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin",
            "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier",
            "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Pérez", "Marchand", "Dufour",
            "Blanchard", "Marie", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez",
            "Pierre", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal", "Bourgeois",
            "Renaud", "Lemoine", "Picard", "Gaillard", "Philippe", "Leclercq", "Lacroix", "Fabre", "Dupuis",
            "Olivier", "Rodriguez", "Da Silva", "Hubert", "Louis", "Charles", "Guillot", "Rivière", "Le Gall",
            "Guillaume", "Adam", "Rey", "Moulin", "Gonzalez", "Berger", "Lecomte", "Ménard", "Fleury", "Deschamps",
            "Carpentier", "Julien", "Benoît", "Maillard", "Marchal", "Aubry", "Vasseur", "Le Roux", "Renault",
            "Jacquet", "Collet", "Prévost", "Poirier", "Charpentier", "Royer", "Huet", "Baron", "Dupuy", "Pons",
            "Laine", "Carré", "Breton", "Rémy", "Schneider", "Perrot", "Guyot", "Barré", "Marty", "Cousin",
            "Bénard", "Le Goff", "Hoarau", "Besnard", "Bouvier", "Pelletier", "Étienne", "Lévêque", "Cordier",
            "Texier", "Léger", "Hébert", "Chauvin", "Benali", "Haddad", "Mansouri", "Bouchard", "Tessier", "Lebrun",
            "Kieffer", "Ollivier", "Le Bihan", "Delmas", "Castel", "Bégué", "Ferré", "Boucher", "Vallée", "Millet"};

    static final String[] FEMALE_FIRST_NAMES = {
            "Sophie", "Hélène", "Camille", "Chloé", "Léa", "Manon", "Émilie", "Céline", "Nathalie", "Isabelle",
            "Sandrine", "Valérie", "Christine", "Anne", "Marie", "Julie", "Aurélie", "Élodie", "Mélanie", "Laure",
            "Agnès", "Béatrice", "Françoise", "Geneviève", "Joëlle", "Maëlle", "Noémie", "Inès", "Zoé", "Clémence",
            "Margaux", "Pauline", "Audrey", "Sylvie", "Véronique", "Cécile", "Karine", "Stéphanie", "Virginie",
            "Coralie", "Amélie", "Solène", "Anaïs", "Gaëlle", "Léonie", "Héloïse", "Fatima", "Yasmina", "Leïla",
            "Nadia", "Marie-Christine", "Anne-Sophie", "Bérénice", "Océane", "Lætitia"};

    static final String[] MALE_FIRST_NAMES = {
            "François", "Loïc", "Jérôme", "Stéphane", "Frédéric", "Sébastien", "Grégory", "Thierry", "Nicolas",
            "Pierre", "Jean", "Michel", "Philippe", "Olivier", "Laurent", "Christophe", "Julien", "Thomas", "Antoine",
            "Alexandre", "Mathieu", "Benoît", "Rémi", "Cédric", "Hervé", "Gaël", "Noël", "Joël", "Raphaël",
            "Mickaël", "Jean-François", "Jean-Marc", "Pierre-Yves", "Yannick", "Guillaume", "Maxime", "Hugo", "Lucas",
            "Théo", "Bruno", "Didier", "Éric", "Denis", "Patrice", "Karim", "Mehdi", "Youssef", "Samir", "Jérémy",
            "Aurélien", "Bastien", "Gérald", "Ludovic", "Anthony", "Benjamin"};

    /** English-speaking contacts (language "en") sometimes have English names. */
    static final String[] ENGLISH_FEMALE_FIRST_NAMES = {"Emma", "Sarah", "Olivia", "Charlotte", "Emily", "Hannah"};
    static final String[] ENGLISH_MALE_FIRST_NAMES = {"James", "Oliver", "William", "Daniel", "Matthew", "Jack"};
    static final String[] ENGLISH_FAMILY_NAMES = {"Smith", "Brown", "Taylor", "Wilson", "Evans", "Walker", "Hughes",
            "O'Connor", "Murphy", "Clarke"};

    /** Nicknames people ask to be called by. */
    static String nickname(String firstName) {
        return switch (firstName) {
            case "Jean-François" -> "JF";
            case "Alexandre" -> "Alex";
            case "Stéphanie" -> "Steph";
            case "Nicolas" -> "Nico";
            case "Frédéric" -> "Fred";
            case "Christophe" -> "Chris";
            case "Isabelle" -> "Isa";
            case "Christine" -> "Kiki";
            case "Anne-Sophie" -> "Anne-So";
            case "Pierre-Yves" -> "PY";
            case "Mathieu" -> "Matt";
            case "Sébastien" -> "Seb";
            case "Grégory" -> "Greg";
            case "Maxime" -> "Max";
            case "Valérie" -> "Val";
            default -> null;
        };
    }

    /** Job titles, masculine then feminine form. */
    static final String[][] JOB_TITLES = {
            {"Directeur achats", "Directrice achats"},
            {"Responsable logistique", "Responsable logistique"},
            {"Comptable", "Comptable"},
            {"Gérant", "Gérante"},
            {"Directeur général", "Directrice générale"},
            {"Assistant de direction", "Assistante de direction"},
            {"Responsable qualité", "Responsable qualité"},
            {"Chef de projet", "Cheffe de projet"},
            {"Acheteur", "Acheteuse"},
            {"Responsable administratif et financier", "Responsable administrative et financière"},
            {"Directeur administratif et financier", "Directrice administrative et financière"},
            {"Responsable des services généraux", "Responsable des services généraux"},
            {"Directeur commercial", "Directrice commerciale"},
            {"Office manager", "Office manager"},
            {"Technicien de maintenance", "Technicienne de maintenance"},
            {"Responsable informatique", "Responsable informatique"},
            {"Responsable de production", "Responsable de production"},
            {"Président", "Présidente"},
            {"Conducteur de travaux", "Conductrice de travaux"},
            {"Chargé d'affaires", "Chargée d'affaires"},
            {"Responsable des ressources humaines", "Responsable des ressources humaines"},
            {"Secrétaire", "Secrétaire"}};

    /** Things worth remembering about a person, masculine then feminine form. */
    static final String[][] PERSONAL_NOTES = {
            {"Fan de rugby, supporte le Stade toulousain.", "Fan de rugby, supporte le Stade toulousain."},
            {"Passionné de vélo, fait l'Étape du Tour chaque année.", "Passionnée de vélo, fait l'Étape du Tour chaque année."},
            {"Deux enfants, Léo et Jeanne ; en congé chaque année fin juillet.", "Deux enfants, Léo et Jeanne ; en congé chaque année fin juillet."},
            {"Ancien de chez Renault, connaît très bien les achats industriels.", "Ancienne de chez Renault, connaît très bien les achats industriels."},
            {"Vient d'être promu, très attentif aux délais.", "Vient d'être promue, très attentive aux délais."},
            {"Très attaché à la ponctualité des livraisons.", "Très attachée à la ponctualité des livraisons."},
            {"Parle couramment l'allemand et l'anglais.", "Parle couramment l'allemand et l'anglais."},
            {"Aime qu'on lui confirme par écrit les conditions négociées.", "Aime qu'on lui confirme par écrit les conditions négociées."},
            {"Rencontré au salon Batimat.", "Rencontrée au salon Batimat."},
            {"Part à la retraite l'an prochain : identifier son successeur.", "Part à la retraite l'an prochain : identifier qui lui succède."},
            {"Grand amateur de vin, apprécie les invitations aux dégustations.", "Grande amatrice de vin, apprécie les invitations aux dégustations."},
            {"Court le marathon de Paris tous les ans.", "Court le marathon de Paris tous les ans."},
            {"Ne boit pas d'alcool : pas de bouteille en cadeau de fin d'année.", "Ne boit pas d'alcool : pas de bouteille en cadeau de fin d'année."},
            {"Végétarien : à retenir pour les déjeuners.", "Végétarienne : à retenir pour les déjeuners."},
            {"Supporte l'OL, ne pas parler de l'OM.", "Supporte l'OL, ne pas parler de l'OM."},
            {"Membre du club d'entreprises local, bon prescripteur.", "Membre du club d'entreprises local, bonne prescriptrice."},
            {"A été déçu par notre ancien commercial, relation à reconstruire.", "A été déçue par notre ancien commercial, relation à reconstruire."},
            {"Joue au golf le samedi matin.", "Joue au golf le samedi matin."},
            {"Décide vite quand le dossier est complet.", "Décide vite quand le dossier est complet."},
            {"Très sensible à la RSE et au bilan carbone des livraisons.", "Très sensible à la RSE et au bilan carbone des livraisons."}};

    static final String[] PREFERENCES_FEMININE = {
            "Préfère être appelée le matin", "Ne pas appeler le vendredi", "Préfère les e-mails, répond vite",
            "Pas de démarchage téléphonique", "Rendez-vous uniquement le mardi ou le jeudi",
            "Envoyer les devis en PDF, jamais en lien", "Joignable après 14 h", "Préfère le tutoiement",
            "Préfère le vouvoiement", "Ne lit pas ses SMS", "Souhaite une facture par commande",
            "Préfère être contactée sur son portable", "Pas de réunion le lundi matin",
            "Aime les comptes rendus courts, en trois points"};

    static final String[] PREFERENCES_MASCULINE = {
            "Préfère être appelé le matin", "Ne pas appeler le vendredi", "Préfère les e-mails, répond vite",
            "Pas de démarchage téléphonique", "Rendez-vous uniquement le mardi ou le jeudi",
            "Envoyer les devis en PDF, jamais en lien", "Joignable après 14 h", "Préfère le tutoiement",
            "Préfère le vouvoiement", "Ne lit pas ses SMS", "Souhaite une facture par commande",
            "Préfère être contacté sur son portable", "Pas de réunion le lundi matin",
            "Aime les comptes rendus courts, en trois points"};

    static final String[] COMPANY_NOTES = {
            "Client fidèle, commandes régulières en début de mois.",
            "Attention : paiements souvent en retard, privilégier le prélèvement.",
            "Accès livraison par l'arrière du bâtiment, quai n° 2.",
            "Contrat-cadre renouvelé chaque année en janvier.",
            "Appels d'offres publics : suivre le BOAMP.",
            "Standard fermé entre 12 h et 14 h.",
            "Groupe en cours de rachat, décisions d'achat centralisées au siège.",
            "Ouvert le samedi matin, fermé en août.",
            "Demande systématiquement trois devis.",
            "Interlocuteur principal très réactif par e-mail."};

    static final String[] PRIVATE_EMAIL_DOMAINS = {"gmail.com", "orange.fr", "free.fr", "laposte.net", "hotmail.fr",
            "sfr.fr", "wanadoo.fr", "outlook.fr", "yahoo.fr", "icloud.com", "bbox.fr"};

    /** "Hélène Lefèvre-Dupont" → "helene lefevre-dupont": no accents, lower case, letters, digits and hyphens. */
    static String fold(String value) {
        String decomposed = Normalizer.normalize(value.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae")
                .replace("Æ", "Ae"), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** A name turned into the part of an e-mail address or a domain: "Le Gall" → "legall", "O'Connor" → "oconnor". */
    static String emailPart(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : fold(name).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A company name turned into a web domain label: "Boulangerie Lefèvre & Fils SARL" → "boulangerie-lefevre-fils". */
    static String domainLabel(String companyName) {
        String folded = fold(companyName);
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        for (char c : folded.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && !out.isEmpty()) {
                    out.append('-');
                }
                out.append(c);
                dash = false;
            } else {
                dash = true;
            }
            if (out.length() >= 40) {
                break;
            }
        }
        return out.toString();
    }
}

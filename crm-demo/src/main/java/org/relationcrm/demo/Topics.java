package org.relationcrm.demo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;

/**
 * What people in each department talk to clients about, in French, with the channels such exchanges use, who
 * usually starts them, how clients tend to feel and what usually comes next. Texts are kept in COPY form.
 */
final class Topics {

    /** One kind of exchange: "Relance devis", "Réclamation livraison en retard". */
    static final class Topic {
        final Department department;
        final double weight;
        final byte[] subject;
        final byte[] reference;
        final double inboundShare;
        final Channel[] channels;
        final WeightedPicker channelPicker;
        final WeightedPicker moodPicker;
        final byte[][] summaries;
        final byte[][] outcomes;
        final byte[][] nextSteps;
        final double nextStepChance;
        final boolean withPrivateCustomers;

        private Topic(Builder b) {
            this.department = b.department;
            this.weight = b.weight;
            this.subject = CopyBuffer.escape(b.subject);
            this.reference = b.reference == null ? null : CopyBuffer.escape(b.reference);
            this.inboundShare = b.inboundShare;
            this.channels = b.channels.toArray(Channel[]::new);
            this.channelPicker = new WeightedPicker(b.channelWeights.stream().mapToDouble(Double::doubleValue).toArray());
            this.moodPicker = WeightedPicker.of(b.mood);
            this.summaries = encode(b.summaries);
            this.outcomes = encode(b.outcomes);
            this.nextSteps = encode(b.nextSteps);
            this.nextStepChance = b.nextSteps.isEmpty() ? 0 : b.nextStepChance;
            this.withPrivateCustomers = b.withPrivateCustomers;
        }

        Channel channel(SplittableRandom random) {
            return channels[channelPicker.pick(random)];
        }

        /** 0 positive, 1 neutral, 2 negative. */
        int mood(SplittableRandom random) {
            return moodPicker.pick(random);
        }

        private static byte[][] encode(List<String> texts) {
            return texts.stream().map(CopyBuffer::escape).toArray(byte[][]::new);
        }
    }

    static final byte[][] SECOND_SENTENCES = Topic.encode(List.of(
            "Compte rendu envoyé par e-mail dans la foulée.",
            "Informations ajoutées à la fiche.",
            "Échange d'une quinzaine de minutes.",
            "Interlocuteur pressé, échange rapide.",
            "Point à reprendre lors de la prochaine visite.",
            "Le client a mis son responsable en copie.",
            "Collègue de l'ADV informée.",
            "Tout est noté dans le dossier partagé."));

    private static final List<Topic> ALL = build();

    private Topics() {
    }

    static List<Topic> all() {
        return ALL;
    }

    /** A picker over the topics of one department, for a company or for a private customer. */
    static final class Menu {
        private final Map<Department, Topic[]> forCompanies = new EnumMap<>(Department.class);
        private final Map<Department, WeightedPicker> companyPickers = new EnumMap<>(Department.class);
        private final Map<Department, Topic[]> forPeople = new EnumMap<>(Department.class);
        private final Map<Department, WeightedPicker> peoplePickers = new EnumMap<>(Department.class);

        Menu() {
            for (Department department : Department.values()) {
                List<Topic> company = ALL.stream().filter(t -> t.department == department).toList();
                List<Topic> people = company.stream().filter(t -> t.withPrivateCustomers).toList();
                if (people.isEmpty()) {
                    people = ALL.stream().filter(t -> t.withPrivateCustomers && t.department == Department.SUPPORT).toList();
                }
                forCompanies.put(department, company.toArray(Topic[]::new));
                companyPickers.put(department, new WeightedPicker(company.stream().mapToDouble(t -> t.weight).toArray()));
                forPeople.put(department, people.toArray(Topic[]::new));
                peoplePickers.put(department, new WeightedPicker(people.stream().mapToDouble(t -> t.weight).toArray()));
            }
        }

        Topic pick(Department department, boolean privateCustomer, SplittableRandom random) {
            if (privateCustomer) {
                return forPeople.get(department)[peoplePickers.get(department).pick(random)];
            }
            return forCompanies.get(department)[companyPickers.get(department).pick(random)];
        }
    }

    private static final class Builder {
        private final Department department;
        private final double weight;
        private final String subject;
        private String reference;
        private double inboundShare = 0.5;
        private final List<Channel> channels = new ArrayList<>();
        private final List<Double> channelWeights = new ArrayList<>();
        private double[] mood = {30, 50, 20};
        private final List<String> summaries = new ArrayList<>();
        private final List<String> outcomes = new ArrayList<>();
        private final List<String> nextSteps = new ArrayList<>();
        private double nextStepChance;
        private boolean withPrivateCustomers;

        private Builder(Department department, double weight, String subject) {
            this.department = department;
            this.weight = weight;
            this.subject = subject;
        }

        /** Appended with a number to some subjects: " – devis n° D" gives "Relance devis – devis n° D24-01234". */
        Builder reference(String prefix) {
            this.reference = prefix;
            return this;
        }

        Builder inbound(double share) {
            this.inboundShare = share;
            return this;
        }

        /** "EMAIL 5, PHONE 4": channels with their weights. */
        Builder channels(String spec) {
            for (String part : spec.split(",")) {
                String[] kv = part.strip().split(" ");
                channels.add(Channel.valueOf(kv[0]));
                channelWeights.add(Double.parseDouble(kv[1]));
            }
            return this;
        }

        Builder mood(double positive, double neutral, double negative) {
            this.mood = new double[] {positive, neutral, negative};
            return this;
        }

        Builder summaries(String... texts) {
            summaries.addAll(List.of(texts));
            return this;
        }

        Builder outcomes(String... texts) {
            outcomes.addAll(List.of(texts));
            return this;
        }

        Builder nextSteps(double chance, String... texts) {
            nextStepChance = chance;
            nextSteps.addAll(List.of(texts));
            return this;
        }

        Builder alsoWithPrivateCustomers() {
            this.withPrivateCustomers = true;
            return this;
        }

        Topic build() {
            return new Topic(this);
        }
    }

    private static Builder topic(Department department, double weight, String subject) {
        return new Builder(department, weight, subject);
    }

    private static List<Topic> build() {
        List<Builder> topics = List.of(
                // Sales
                topic(Department.SALES, 14, "Relance devis").reference(" – devis n° D").inbound(0.1)
                        .channels("EMAIL 6, PHONE 5, SMS 1").mood(20, 65, 15)
                        .summaries("Relance du devis envoyé la semaine dernière, le client compare encore avec un concurrent.",
                                "Le devis est en cours de validation par la direction financière.",
                                "Le client trouve le devis un peu élevé et attend une nouvelle proposition.",
                                "Pas de retour sur le devis, message laissé au standard.",
                                "Devis validé oralement, bon de commande attendu sous huit jours.",
                                "L'acheteur demande à séparer la prestation d'installation dans le devis.")
                        .outcomes("Devis en attente de validation", "Nouvelle proposition à envoyer",
                                "Bon de commande attendu", "Pas de réponse pour l'instant", "Devis accepté")
                        .nextSteps(0.6, "Rappeler pour connaître la décision", "Envoyer un devis révisé",
                                "Relancer par e-mail", "Vérifier la réception du bon de commande")
                        .alsoWithPrivateCustomers(),
                topic(Department.SALES, 6, "Point trimestriel").inbound(0.1)
                        .channels("MEETING 4, PHONE 3, VISIT 2, EMAIL 1").mood(55, 35, 10)
                        .summaries("Revue des commandes du trimestre : volumes en hausse de 8 %.",
                                "Point sur la qualité de service : deux retards de livraison signalés, sinon satisfaction.",
                                "Le client prévoit d'ouvrir un second site l'an prochain.",
                                "Présentation des nouveautés de la gamme, intérêt pour la version connectée.",
                                "Baisse des volumes due à un chantier reporté, reprise attendue à la rentrée.")
                        .outcomes("Relation au beau fixe", "Opportunité de montée en gamme identifiée",
                                "Besoin de suivi sur les délais", "Volumes à surveiller")
                        .nextSteps(0.5, "Envoyer le compte rendu", "Préparer une offre pour le second site",
                                "Planifier le prochain point trimestriel"),
                topic(Department.SALES, 7, "Demande de remise").inbound(0.7)
                        .channels("PHONE 5, EMAIL 5, MEETING 1").mood(15, 55, 30)
                        .summaries("Le client demande 10 % de remise pour renouveler son contrat.",
                                "Demande de remise sur volume pour la commande annuelle.",
                                "L'acheteuse évoque une offre concurrente moins chère de 7 %.",
                                "Demande de franco de port à partir de 500 € de commande.")
                        .outcomes("Remise de 5 % accordée contre un engagement annuel",
                                "Remise refusée, geste sur les frais de port", "À valider par le responsable commercial")
                        .nextSteps(0.55, "Faire valider la remise par le manager", "Envoyer la proposition chiffrée")
                        .alsoWithPrivateCustomers(),
                topic(Department.SALES, 5, "Présentation de l'offre").inbound(0.1)
                        .channels("MEETING 4, VISIT 2, PHONE 2, EMAIL 2").mood(50, 45, 5)
                        .summaries("Premier rendez-vous : présentation de la société et de nos références dans le secteur.",
                                "Démonstration devant l'équipe technique, bonnes questions sur l'intégration.",
                                "Présentation de l'offre de maintenance, le client veut comparer avec son contrat actuel.",
                                "Visite de l'atelier et présentation de la nouvelle gamme.")
                        .outcomes("Intérêt confirmé", "Besoin à requalifier", "Pas de projet avant l'an prochain")
                        .nextSteps(0.6, "Envoyer une proposition commerciale", "Organiser une démonstration",
                                "Recontacter dans trois mois")
                        .alsoWithPrivateCustomers(),
                topic(Department.SALES, 6, "Prospection").inbound(0.0)
                        .channels("PHONE 6, EMAIL 4, SOCIAL 2").mood(15, 70, 15)
                        .summaries("Appel de prospection, la personne en charge des achats est absente.",
                                "Premier contact : le client est équipé chez un concurrent jusqu'en fin d'année.",
                                "Échange sur LinkedIn suite au salon, accepte un rendez-vous.",
                                "Le standard filtre, demande d'envoyer une documentation.")
                        .outcomes("Rendez-vous obtenu", "Rappeler plus tard", "Pas intéressé pour le moment")
                        .nextSteps(0.45, "Envoyer la plaquette", "Rappeler la semaine prochaine", "Confirmer le rendez-vous"),
                topic(Department.SALES, 4, "Négociation du contrat").inbound(0.4)
                        .channels("MEETING 3, PHONE 3, EMAIL 4").mood(30, 55, 15)
                        .summaries("Discussion des conditions de paiement : le client souhaite passer à 60 jours.",
                                "Revue des clauses de pénalités de retard.",
                                "Accord trouvé sur la durée : trois ans avec révision annuelle des prix.",
                                "Le service juridique du client demande une clause de réversibilité.")
                        .outcomes("Accord de principe", "Points juridiques à clarifier", "Signature prévue en fin de mois")
                        .nextSteps(0.7, "Envoyer le contrat pour signature", "Faire relire les clauses par le juridique"),
                topic(Department.SALES, 2, "Visite de courtoisie").inbound(0.0)
                        .channels("VISIT 8, MEETING 2").mood(65, 30, 5)
                        .summaries("Visite sur site, rencontre du nouveau responsable de production.",
                                "Passage en agence, café avec la gérante, ambiance très cordiale.",
                                "Tour de l'entrepôt rénové, le client est fier de ses nouvelles installations.")
                        .outcomes("Bonne relation", "Nouveau contact identifié")
                        .nextSteps(0.3, "Ajouter le nouveau contact à la fiche", "Envoyer une invitation au salon"),
                topic(Department.SALES, 4, "Renouvellement de contrat").inbound(0.3)
                        .channels("PHONE 4, EMAIL 5, MEETING 1").mood(35, 45, 20)
                        .summaries("Le contrat arrive à échéance dans deux mois, le client souhaite renouveler.",
                                "Le client hésite à renouveler, il trouve le service moins réactif.",
                                "Renouvellement d'accord avec extension au site de production.")
                        .outcomes("Renouvellement confirmé", "Renouvellement à risque", "Avenant à préparer")
                        .nextSteps(0.6, "Préparer l'avenant de renouvellement", "Organiser un rendez-vous avec le manager"),
                topic(Department.SALES, 8, "Point de suivi").inbound(0.35)
                        .channels("EMAIL 6, PHONE 5, CHAT 1, SMS 1").mood(35, 60, 5)
                        .summaries("Point rapide sur les besoins du mois.",
                                "Le client confirme le rendez-vous de jeudi.",
                                "Envoi de la documentation demandée.",
                                "Le client signale un changement d'interlocuteur aux achats.",
                                "Prise de nouvelles après la livraison, tout est en ordre.")
                        .outcomes("Rien à signaler", "Informations mises à jour", "Besoin à venir identifié")
                        .nextSteps(0.3, "Rappeler en fin de mois", "Mettre à jour la fiche du client")
                        .alsoWithPrivateCustomers(),
                // Support
                topic(Department.SUPPORT, 10, "Réclamation livraison en retard").reference(" – commande n° C").inbound(0.9)
                        .channels("PHONE 5, EMAIL 4, CHAT 1").mood(3, 27, 70)
                        .summaries("La livraison prévue mardi n'est pas arrivée, le client est bloqué sur un chantier.",
                                "Troisième retard ce mois-ci, le client menace de changer de fournisseur.",
                                "Colis livré avec deux jours de retard et carton abîmé.",
                                "Le transporteur a annoncé une livraison qui n'a jamais eu lieu.")
                        .outcomes("Livraison express organisée", "Geste commercial proposé", "Transporteur relancé")
                        .nextSteps(0.6, "Vérifier la livraison auprès du transporteur",
                                "Rappeler le client pour confirmer la réception")
                        .alsoWithPrivateCustomers(),
                topic(Department.SUPPORT, 10, "Problème technique").reference(" – ticket n° T").inbound(0.95)
                        .channels("PHONE 5, EMAIL 3, CHAT 4").mood(5, 45, 50)
                        .summaries("L'appareil affiche un code erreur E42 au démarrage.",
                                "Le client n'arrive plus à se connecter à son espace en ligne.",
                                "Bruit anormal signalé sur la machine livrée en mars.",
                                "Mise à jour impossible depuis le poste de l'atelier.",
                                "Le capteur de température remonte des valeurs incohérentes.")
                        .outcomes("Résolu pendant l'échange", "Intervention d'un technicien planifiée",
                                "Escaladé au support de niveau 2")
                        .nextSteps(0.45, "Planifier l'intervention du technicien",
                                "Envoyer la procédure de réinitialisation")
                        .alsoWithPrivateCustomers(),
                topic(Department.SUPPORT, 8, "Demande d'information").inbound(0.95)
                        .channels("EMAIL 4, PHONE 3, CHAT 4, SOCIAL 1").mood(30, 65, 5)
                        .summaries("Question sur la compatibilité avec l'ancien modèle.",
                                "Demande de notice d'utilisation en anglais.",
                                "Le client souhaite connaître les délais de réapprovisionnement.",
                                "Question sur la durée de garantie des pièces remplacées.")
                        .outcomes("Réponse apportée", "Documentation envoyée")
                        .nextSteps(0.15, "Envoyer la documentation")
                        .alsoWithPrivateCustomers(),
                topic(Department.SUPPORT, 5, "Produit défectueux").reference(" – commande n° C").inbound(0.9)
                        .channels("PHONE 4, EMAIL 4, LETTER 1, CHAT 1").mood(2, 28, 70)
                        .summaries("Lot de pièces non conforme : trous de fixation décalés.",
                                "Produit arrivé cassé, photos envoyées par e-mail.",
                                "Panne au bout de trois semaines d'utilisation.")
                        .outcomes("Échange standard accepté", "Retour produit autorisé", "Expertise demandée")
                        .nextSteps(0.6, "Envoyer le bon de retour", "Suivre l'expédition du produit de remplacement")
                        .alsoWithPrivateCustomers(),
                topic(Department.SUPPORT, 6, "Suivi de ticket").reference(" – ticket n° T").inbound(0.2)
                        .channels("EMAIL 5, PHONE 4, SMS 1").mood(35, 55, 10)
                        .summaries("Point sur l'avancement du ticket, pièce commandée chez le fabricant.",
                                "Le client confirme que le problème ne s'est pas reproduit.",
                                "Le correctif a été installé, test concluant avec le client.")
                        .outcomes("Ticket clos", "En attente de pièce")
                        .nextSteps(0.35, "Clore le ticket après confirmation")
                        .alsoWithPrivateCustomers(),
                topic(Department.SUPPORT, 4, "Réclamation qualité de service").inbound(0.85)
                        .channels("PHONE 5, EMAIL 4, LETTER 1, SOCIAL 1").mood(2, 18, 80)
                        .summaries("Le client se plaint de ne jamais joindre le même interlocuteur.",
                                "Avis négatif publié sur les réseaux sociaux après 40 minutes d'attente.",
                                "Courrier de réclamation adressé à la direction.")
                        .outcomes("Excuses présentées, interlocuteur dédié désigné", "Remonté au manager")
                        .nextSteps(0.55, "Informer le manager", "Rappeler sous 48 h")
                        .alsoWithPrivateCustomers(),
                topic(Department.SUPPORT, 3, "Demande de rappel").inbound(1.0)
                        .channels("SMS 3, CHAT 3, EMAIL 2, PHONE 2").mood(10, 80, 10)
                        .summaries("Demande de rappel laissée sur le chat.",
                                "Le client souhaite être rappelé au sujet de sa commande.")
                        .outcomes("Rappel effectué", "Message laissé")
                        .nextSteps(0.5, "Rappeler le client")
                        .alsoWithPrivateCustomers(),
                // Order desk
                topic(Department.ADV, 8, "Problème de facturation").reference(" – facture n° F").inbound(0.8)
                        .channels("EMAIL 5, PHONE 4, LETTER 1").mood(3, 42, 55)
                        .summaries("La facture de mars comporte un prix unitaire erroné.",
                                "Facture reçue en double, le client demande un avoir.",
                                "Le taux de TVA appliqué n'est pas le bon.",
                                "La remise négociée n'apparaît pas sur la facture.")
                        .outcomes("Avoir émis", "Facture rectifiée envoyée", "En cours de vérification")
                        .nextSteps(0.6, "Émettre l'avoir", "Envoyer la facture rectifiée")
                        .alsoWithPrivateCustomers(),
                topic(Department.ADV, 7, "Relance paiement").reference(" – facture n° F").inbound(0.0)
                        .channels("EMAIL 5, PHONE 3, LETTER 2").mood(5, 60, 35)
                        .summaries("Facture échue depuis 45 jours, deuxième relance.",
                                "Le comptable indique que le virement part en fin de semaine.",
                                "Le client conteste une partie de la facture et bloque le paiement.")
                        .outcomes("Promesse de paiement", "Échéancier accordé", "Mise en demeure envisagée")
                        .nextSteps(0.7, "Vérifier la réception du virement", "Envoyer une lettre de relance")
                        .alsoWithPrivateCustomers(),
                topic(Department.ADV, 7, "Confirmation de commande").reference(" – commande n° C").inbound(0.4)
                        .channels("EMAIL 7, PHONE 2, LETTER 1").mood(40, 55, 5)
                        .summaries("Commande de 120 unités confirmée, livraison prévue la semaine prochaine.",
                                "Le client ajoute deux références à sa commande en cours.",
                                "Commande passée via le portail, confirmation envoyée.")
                        .outcomes("Commande enregistrée", "Date de livraison confirmée")
                        .nextSteps(0.25, "Confirmer la date de livraison")
                        .alsoWithPrivateCustomers(),
                topic(Department.ADV, 2, "Changement d'adresse de livraison").inbound(1.0)
                        .channels("EMAIL 5, PHONE 4, LETTER 1").mood(15, 80, 5)
                        .summaries("Le client déménage son entrepôt, nouvelle adresse de livraison à partir du mois prochain.",
                                "Livraisons à faire désormais à l'accueil du bâtiment B.")
                        .outcomes("Adresse mise à jour")
                        .alsoWithPrivateCustomers(),
                topic(Department.ADV, 3, "Demande de délai de paiement").inbound(1.0)
                        .channels("PHONE 5, EMAIL 4, LETTER 1").mood(10, 60, 30)
                        .summaries("Trésorerie tendue ce trimestre, le client demande à régler en trois fois.",
                                "Le client demande un report d'échéance de quinze jours.")
                        .outcomes("Paiement en trois fois accepté", "Refus, conditions contractuelles rappelées")
                        .nextSteps(0.5, "Envoyer l'échéancier signé")
                        .alsoWithPrivateCustomers(),
                topic(Department.ADV, 5, "Suivi de livraison").reference(" – commande n° C").inbound(0.6)
                        .channels("EMAIL 4, PHONE 4, SMS 3").mood(20, 65, 15)
                        .summaries("Le client demande la date de livraison de sa commande.",
                                "Livraison partielle : le solde part jeudi.")
                        .outcomes("Date communiquée", "Livraison partielle confirmée")
                        .nextSteps(0.3, "Informer le client de l'expédition du solde")
                        .alsoWithPrivateCustomers(),
                // Management
                topic(Department.MANAGEMENT, 4, "Revue annuelle du compte").inbound(0.0)
                        .channels("MEETING 7, VISIT 3").mood(55, 35, 10)
                        .summaries("Revue annuelle avec la direction du client : chiffre d'affaires stable, projets d'extension.",
                                "Bilan de l'année : satisfaction globale, attentes fortes sur les délais.")
                        .outcomes("Plan de compte validé", "Axes d'amélioration partagés")
                        .nextSteps(0.6, "Envoyer le plan d'action annuel"),
                topic(Department.MANAGEMENT, 3, "Escalade réclamation").inbound(0.5)
                        .channels("PHONE 6, MEETING 2, EMAIL 2").mood(5, 30, 65)
                        .summaries("Appel du directeur général du client suite aux retards répétés.",
                                "Réunion de crise après la perte d'un lot en transit.")
                        .outcomes("Plan d'action engagé", "Geste commercial validé")
                        .nextSteps(0.7, "Suivre le plan d'action")
                        .alsoWithPrivateCustomers(),
                topic(Department.MANAGEMENT, 2, "Déjeuner d'affaires").inbound(0.0)
                        .channels("MEETING 10").mood(75, 25, 0)
                        .summaries("Déjeuner avec le dirigeant : projets de croissance externe évoqués.")
                        .outcomes("Relation renforcée")
                        .nextSteps(0.3, "Envoyer un mot de remerciement"),
                // Marketing
                topic(Department.MARKETING, 5, "Invitation au salon").inbound(0.0)
                        .channels("EMAIL 6, PHONE 2, SOCIAL 2").mood(40, 55, 5)
                        .summaries("Invitation au salon professionnel, stand B12.",
                                "Invitation à la soirée clients de fin d'année.")
                        .outcomes("Inscription confirmée", "Ne pourra pas venir")
                        .nextSteps(0.3, "Envoyer le badge d'accès"),
                topic(Department.MARKETING, 4, "Enquête de satisfaction").inbound(0.0)
                        .channels("EMAIL 8, SMS 2").mood(30, 60, 10)
                        .summaries("Envoi de l'enquête annuelle de satisfaction.")
                        .outcomes("Réponse reçue : note de 9 sur 10", "Réponse reçue : note de 6 sur 10", "Pas de réponse")
                        .alsoWithPrivateCustomers(),
                topic(Department.MARKETING, 3, "Webinaire produit").inbound(0.0)
                        .channels("EMAIL 7, SOCIAL 3").mood(30, 65, 5)
                        .summaries("Invitation au webinaire de présentation de la nouvelle gamme.")
                        .outcomes("Inscrit", "A assisté au webinaire")
                        .nextSteps(0.2, "Transmettre le contact au commercial"));
        return topics.stream().map(Builder::build).toList();
    }
}

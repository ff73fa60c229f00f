package org.relationcrm.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.relationcrm.playbook.Situation;
import org.relationcrm.playbook.TypedText;

/**
 * The first set of guides, one per situation, in French and English: what a sales and service manager of a French
 * SME would hand a new colleague. Lists are one item a line, as the form takes them.
 */
public final class DemoPlaybookTexts {

    /** A guide's two languages. */
    public record Both(TypedText fr, TypedText en) {
    }

    private DemoPlaybookTexts() {
    }

    public static final Map<Situation, Both> ALL = all();

    private static Map<Situation, Both> all() {
        Map<Situation, Both> all = new LinkedHashMap<>();
        all.put(Situation.ANGRY_CLIENT, new Both(
                new TypedText("Client mécontent : écouter, reconnaître, dater la suite",
                        "Le client est en colère ou très agacé, au téléphone, en rendez-vous ou par écrit. "
                                + "Le but : qu'il se sente entendu, puis convenir ensemble d'une suite datée.",
                        """
                        Laissez-le parler jusqu'au bout sans l'interrompre ; prenez des notes.
                        Reformulez le problème avec ses mots et vérifiez que vous avez bien compris.
                        Reconnaissez la gêne causée, sans chercher de coupable (ni lui, ni un collègue).
                        Posez les questions qui manquent : depuis quand, quel impact pour lui, ce qu'il attend.
                        Dites ce que vous faites vous-même, et ce qui ne dépend pas de vous.
                        Ne promettez que ce que vous pouvez tenir : un délai, un geste, une réponse.
                        Donnez une date pour le prochain point, même sans solution encore, et tenez-la.
                        Consignez l'échange avec le ressenti « négatif » et la prochaine étape datée.
                        """,
                        """
                        « Je comprends que ce soit pénible pour vous. »
                        « Si je résume : … Est-ce bien cela ? »
                        « Voici ce que je fais dès maintenant : … Je vous rappelle jeudi avant midi. »
                        « Merci de nous l'avoir dit directement. »
                        """,
                        """
                        « Calmez-vous. »
                        « Ce n'est pas de ma faute » ou « c'est l'autre service ».
                        « Ça n'arrive jamais. »
                        Promettre un geste commercial ou un délai sans accord.
                        """, null),
                new TypedText("Angry client: listen, acknowledge, set a date",
                        "The client is angry or very annoyed, on the phone, in a meeting or in writing. "
                                + "The aim: they feel heard, then you agree together on a dated next step.",
                        """
                        Let them speak until they are done, without interrupting; take notes.
                        Rephrase the problem in their words and check you understood it.
                        Acknowledge the trouble caused, without blaming anyone (neither them nor a colleague).
                        Ask what is missing: since when, what impact for them, what they expect.
                        Say what you will do yourself, and what does not depend on you.
                        Only promise what you can keep: a deadline, a gesture, an answer.
                        Give a date for the next update, even without a solution yet, and keep it.
                        Log the exchange with a "negative" mood and the dated next step.
                        """,
                        """
                        "I understand how frustrating this is for you."
                        "Let me sum up: … Is that right?"
                        "Here is what I am doing right now: … I will call you back on Thursday before noon."
                        "Thank you for telling us directly."
                        """,
                        """
                        "Calm down."
                        "It's not my fault" or "that's the other department."
                        "That never happens."
                        Promising a discount or a deadline nobody agreed to.
                        """, null)));
        all.put(Situation.PRICE_OBJECTION, new Both(
                new TypedText("Objection sur le prix : défendre la valeur avant de concéder",
                        "Le client trouve le prix trop élevé, cite un concurrent ou demande une remise. À relire "
                                + "aussi quand une concession a été accordée sans contrepartie.",
                        """
                        Faites préciser l'objection : trop cher par rapport à quoi (budget, concurrent, valeur perçue) ?
                        Rappelez les besoins et les bénéfices qu'il a validés ; chiffrez la valeur (temps gagné, risques évités).
                        Comparez à périmètre égal avant de parler de prix : service, délais, garantie, accompagnement.
                        Si une concession est nécessaire, demandez toujours une contrepartie : volume, durée, paiement, référence.
                        Concédez par petits pas, jamais au premier échange, et notez chaque concession dans l'opportunité.
                        Au-delà du seuil de remise, faites valider par votre manager avant de vous engager.
                        """,
                        """
                        « Par rapport à quoi le trouvez-vous élevé ? »
                        « Si je fais un effort sur ce point, pouvez-vous vous engager sur … ? »
                        « Comparons à périmètre égal : … »
                        """,
                        """
                        « Je vais voir ce que je peux faire » sans rien demander en échange.
                        Baisser le prix avant d'avoir compris l'objection.
                        Dénigrer le concurrent.
                        """, null),
                new TypedText("Price objection: defend the value before conceding",
                        "The client finds the price too high, names a competitor or asks for a discount. Read it "
                                + "again when a concession was granted with nothing in return.",
                        """
                        Have the objection made precise: too expensive compared with what (budget, competitor, perceived value)?
                        Recall the needs and benefits they agreed on; put a figure on the value (time saved, risks avoided).
                        Compare like with like before talking price: service, lead times, warranty, support.
                        If a concession is needed, always ask for something in return: volume, term, payment, reference.
                        Concede in small steps, never at the first exchange, and record each concession on the deal.
                        Above the discount threshold, get your manager's approval before committing.
                        """,
                        """
                        "Compared with what does it seem high to you?"
                        "If I move on this point, can you commit to …?"
                        "Let's compare like with like: …"
                        """,
                        """
                        "I'll see what I can do" without asking for anything in return.
                        Lowering the price before understanding the objection.
                        Running down the competitor.
                        """, null)));
        all.put(Situation.COMPLAINT_HANDLING, new Both(
                new TypedText("Traiter une réclamation",
                        "Un client signale un problème : produit, livraison, facture, service. Bien traitée, une "
                                + "réclamation fidélise : c'est un signal pour s'améliorer, pas une attaque.",
                        """
                        Accusez réception vite, dans le délai de première réponse affiché sur la réclamation.
                        Notez les faits dans les mots du client : quoi, quand, quel impact, ce qu'il attend.
                        Prenez la réclamation en charge : un seul responsable, connu du client.
                        Cherchez la cause avec les collègues concernés (ADV, logistique, technique) au lieu de renvoyer le client vers eux.
                        Proposez une solution et un délai ; tenez le client informé à chaque étape, même sans nouveauté.
                        À la résolution, notez ce qui a été fait et la cause, puis vérifiez avec le client qu'il est satisfait avant de clôturer.
                        """,
                        """
                        « Merci de nous l'avoir signalé, je m'en occupe personnellement. »
                        « Je reviens vers vous d'ici … avec une réponse ou un point d'avancement. »
                        « Qu'est-ce qui serait une bonne solution pour vous ? »
                        """,
                        """
                        « Ce n'est pas mon service. »
                        « Vous êtes le seul à vous plaindre. »
                        Clôturer sans avoir reparlé au client.
                        """, null),
                new TypedText("Handling a complaint",
                        "A client reports a problem: product, delivery, invoice, service. Handled well, a complaint "
                                + "builds loyalty: it is a signal to improve, not an attack.",
                        """
                        Acknowledge quickly, within the first-response time shown on the complaint.
                        Write down the facts in the client's words: what, when, what impact, what they expect.
                        Take the complaint in hand: one owner, known to the client.
                        Look for the cause with the colleagues concerned (order desk, logistics, technical) instead of sending the client to them.
                        Propose a solution and a deadline; keep the client informed at each step, even when nothing is new.
                        When resolved, record what was done and the cause, then check with the client that they are satisfied before closing.
                        """,
                        """
                        "Thank you for telling us, I am handling it personally."
                        "I will get back to you by … with an answer or an update."
                        "What would be a good solution for you?"
                        """,
                        """
                        "That's not my department."
                        "You are the only one complaining."
                        Closing without having spoken to the client again.
                        """, null)));
        all.put(Situation.FOLLOW_UP_AFTER_SILENCE, new Both(
                new TypedText("Relancer un client silencieux",
                        "Pas d'échange depuis plusieurs semaines (liste des clients silencieux), un devis sans "
                                + "réponse, un client qui ne rappelle plus.",
                        """
                        Relisez la fiche 360° : dernier échange, réclamations, commandes, prochaine étape promise.
                        Choisissez son canal préféré et un moment qui lui convient.
                        Apportez quelque chose d'utile (une information, une nouveauté, un point sur son projet).
                        Posez une question ouverte sur sa situation ; repérez ce qui a changé (budget, interlocuteur, insatisfaction).
                        Proposez une suite simple et datée, ou acceptez un « pas maintenant » en convenant de quand revenir.
                        Consignez l'échange et la prochaine étape.
                        """,
                        """
                        « J'ai pensé à vous en voyant … : est-ce toujours d'actualité ? »
                        « Qu'est-ce qui a changé de votre côté depuis notre dernier échange ? »
                        « Quand serait-il utile que je revienne vers vous ? »
                        """,
                        """
                        « Je me permets de vous relancer… » comme seul message.
                        Reprocher le silence.
                        Relancer plusieurs fois dans la même semaine.
                        """, null),
                new TypedText("Following up after silence",
                        "No exchange for several weeks (the silent clients list), a quote left unanswered, a client "
                                + "who no longer calls back.",
                        """
                        Read the 360° record again: last exchange, complaints, orders, the next step promised.
                        Choose their preferred channel and a time that suits them.
                        Bring something useful (information, something new, an update on their project).
                        Ask an open question about their situation; notice what has changed (budget, contact, dissatisfaction).
                        Propose a simple, dated next step, or accept a "not now" and agree when to come back.
                        Log the exchange and the next step.
                        """,
                        """
                        "I thought of you when I saw …: is it still relevant?"
                        "What has changed on your side since we last spoke?"
                        "When would it be useful for me to get back to you?"
                        """,
                        """
                        "Just following up…" as the whole message.
                        Reproaching them for the silence.
                        Following up several times in the same week.
                        """, null)));
        all.put(Situation.POST_SIGNATURE_CALL, new Both(
                new TypedText("Appel après la signature",
                        "Dans les jours qui suivent la signature (le suivi à J+7 du plan d'accompagnement), puis à "
                                + "J+30 et J+90.",
                        """
                        Remerciez le client pour sa confiance.
                        Vérifiez que la commande, la livraison ou la mise en service se passent comme prévu ; signalez tout écart à l'ADV.
                        Rappelez qui contacter pour quoi : commercial, support, ADV.
                        Demandez si les attentes exprimées pendant la vente sont couvertes.
                        Repérez un besoin ou une personne à impliquer, sans chercher à vendre à tout prix.
                        Fixez le prochain point et consignez l'appel.
                        """,
                        """
                        « Merci encore pour votre confiance. Comment se passent les premiers jours ? »
                        « Y a-t-il quelque chose qui ne correspond pas à ce que vous attendiez ? »
                        « Pour la facturation, c'est Claire qui s'en occupe : je vous mets en relation. »
                        """,
                        """
                        Enchaîner tout de suite sur une nouvelle offre.
                        « Normalement tout est bon » sans avoir vérifié.
                        """, null),
                new TypedText("The call after signing",
                        "In the days after signing (the day-7 check-in of the care plan), then at day 30 and day 90.",
                        """
                        Thank the client for their trust.
                        Check that the order, delivery or set-up is going as planned; report any gap to the order desk.
                        Remind them whom to contact for what: sales, support, order desk.
                        Ask whether the expectations they voiced during the sale are met.
                        Spot a need or a person to involve, without selling at all costs.
                        Set the next check-in and log the call.
                        """,
                        """
                        "Thank you again for your trust. How are the first days going?"
                        "Is there anything that is not what you expected?"
                        "For invoicing, Claire takes care of it: let me put you in touch."
                        """,
                        """
                        Going straight into a new offer.
                        "Everything should be fine" without having checked.
                        """, null)));
        all.put(Situation.MEETING_PREPARATION, new Both(
                new TypedText("Préparer un rendez-vous",
                        "Avant tout rendez-vous client : découverte, présentation, négociation ou point de suivi.",
                        """
                        Relisez la fiche 360° : historique, réclamations ouvertes, commandes, personnes et leurs préférences.
                        Fixez un objectif précis et la décision attendue en fin de rendez-vous.
                        Préparez un ordre du jour court et envoyez-le au client.
                        Listez vos questions de découverte et les objections probables, avec votre réponse.
                        Préparez ce que vous montrerez : chiffres, références, démonstration.
                        Prévoyez la prochaine étape à proposer en fin de rendez-vous.
                        """,
                        """
                        « Pour que ce rendez-vous vous soit utile, qu'aimeriez-vous en retirer ? »
                        « Je vous propose cet ordre du jour : … Souhaitez-vous ajouter un point ? »
                        """,
                        """
                        Arriver sans connaître les réclamations en cours.
                        Présenter tout le catalogue.
                        Finir sans prochaine étape datée.
                        """, null),
                new TypedText("Preparing a meeting",
                        "Before any client meeting: discovery, presentation, negotiation or review.",
                        """
                        Read the 360° record: history, open complaints, orders, the people and their preferences.
                        Set a precise objective and the decision you expect at the end of the meeting.
                        Prepare a short agenda and send it to the client.
                        List your discovery questions and the likely objections, with your answer.
                        Prepare what you will show: figures, references, a demonstration.
                        Plan the next step to propose at the end of the meeting.
                        """,
                        """
                        "So that this meeting is useful to you, what would you like to get out of it?"
                        "I suggest this agenda: … Would you like to add anything?"
                        """,
                        """
                        Arriving without knowing about open complaints.
                        Presenting the whole catalogue.
                        Ending without a dated next step.
                        """, null)));
        all.put(Situation.ESCALATION, new Both(
                new TypedText("Escalader une réclamation",
                        "Une réclamation dépasse ce que vous pouvez résoudre seul, ou le client est en risque. "
                                + "Escalader est un acte délibéré, jamais une façon de se débarrasser d'un dossier.",
                        """
                        Mettez la réclamation à jour : faits, actions déjà menées, réponses du client.
                        Choisissez le niveau : 1 chef d'équipe, 2 manager, 3 direction.
                        Écrivez la raison en une ou deux phrases : ce qui bloque et ce que vous demandez.
                        Prévenez la personne qui reprend le dossier et restez disponible.
                        Informez le client de l'escalade, de qui reprend le dossier et du prochain point daté.
                        """,
                        """
                        « Je transmets votre dossier à …, qui peut décider de … ; il vous rappelle avant … »
                        « Je reste votre contact et je suis le dossier avec lui. »
                        """,
                        """
                        « Ce n'est plus mon problème. »
                        Escalader sans raison écrite.
                        Promettre au client ce que seul le niveau supérieur peut décider.
                        """,
                        """
                        La réponse dépend d'une décision que vous ne pouvez pas prendre (geste commercial, avoir, dérogation).
                        Le délai de résolution va être dépassé malgré vos actions.
                        Deux solutions ont échoué, ou le problème se répète.
                        Le client menace de partir, parle d'avocat ou de médias, ou demande un responsable.
                        Il y a un risque pour la sécurité, juridique ou pour l'image de l'entreprise.
                        """),
                new TypedText("Escalating a complaint",
                        "A complaint goes beyond what you can solve alone, or the client is at risk. Escalating is "
                                + "a deliberate act, never a way to get rid of a case.",
                        """
                        Bring the complaint up to date: facts, actions already taken, the client's answers.
                        Choose the level: 1 team lead, 2 manager, 3 management.
                        Write the reason in one or two sentences: what is blocking and what you ask for.
                        Tell the person taking over and stay available.
                        Tell the client about the escalation, who takes over and the dated next update.
                        """,
                        """
                        "I am passing your case to …, who can decide on …; they will call you back before …"
                        "I remain your contact and follow the case with them."
                        """,
                        """
                        "It's not my problem any more."
                        Escalating without a written reason.
                        Promising the client what only the next level can decide.
                        """,
                        """
                        The answer depends on a decision you may not take (a commercial gesture, a credit note, an exception).
                        The resolution deadline will be missed despite your actions.
                        Two solutions have failed, or the problem keeps coming back.
                        The client threatens to leave, mentions a lawyer or the media, or asks for a manager.
                        There is a safety, legal or reputational risk.
                        """)));
        return Collections.unmodifiableMap(all);
    }
}

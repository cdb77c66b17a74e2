import type { DoctrineEntry, DoctrineSituation } from './doctrine-entry.ts';

/**
 * Handbook doctrine beyond Chapter 15 that the CPOC exercise and the leadership tabletop train
 * (DPO POC Handbook 2020, §11.3): threat assessment and the threat matrix (§8.2, §8.3), community
 * engagement and do no harm (§10.1, §10.2), contingency plans and after action review (§11.4.6,
 * §11.4.7), crisis management (§11.5), use of force (§12.4), gender-responsive POC (§13.3), crisis
 * communications (Annex IV), early warning and rapid response (Annex V) and joint protection teams
 * (Annex VI), paraphrased in our own words.
 *
 * Only §10.1 has an explicit "What to DO" / "What NOT to do" list: it is taken whole, one entry per
 * bullet, numbered by position as in Chapter 15. Every other section gives guidance in prose,
 * checklists or procedure steps; its entries are derived from that explicit guidance (a "should"
 * becomes a Do, a stated risk or prohibition becomes a Don't), numbered in reading order, and the
 * comment above each names the passage it comes from.
 *
 * Ids follow `<section>-<kind>-<n>` like Chapter 15; an annex's section is written "Annex V" and
 * its id prefix is that section in lower case with a hyphen, so `annex-v-dont-2`.
 */

/** The handbook sections beyond Chapter 15 that group these entries, in handbook order. */
export const EXERCISE_SITUATIONS: readonly DoctrineSituation[] = [
  {
    section: '8.2',
    title: {
      en: 'POC threat and risk assessment',
      fr: 'Évaluation des menaces et des risques pour les civils',
    },
  },
  { section: '8.3', title: { en: 'The POC threat matrix', fr: 'La matrice des menaces POC' } },
  { section: '10.1', title: { en: 'Community engagement', fr: 'Dialogue avec les communautés' } },
  { section: '10.2', title: { en: 'Do no harm', fr: 'Ne pas nuire' } },
  {
    section: '11.4.6',
    title: { en: 'Contingency plans for operations', fr: 'Plans de contingence des opérations' },
  },
  { section: '11.4.7', title: { en: 'After action review', fr: 'Revue après action' } },
  {
    section: '11.5',
    title: { en: 'Crisis management and POC', fr: 'Gestion de crise et protection des civils' },
  },
  {
    section: '12.4',
    title: { en: 'Use of force for POC', fr: 'Recours à la force pour protéger les civils' },
  },
  {
    section: '13.3',
    title: { en: 'Gender-responsive POC', fr: 'Protection des civils sensible au genre' },
  },
  {
    section: 'Annex IV',
    title: {
      en: 'Crisis communications immediate action plan',
      fr: 'Plan d’action immédiate de communication de crise',
    },
  },
  {
    section: 'Annex V',
    title: { en: 'Early warning and rapid response', fr: 'Alerte précoce et réaction rapide' },
  },
  { section: 'Annex VI', title: { en: 'Joint protection teams', fr: 'Équipes conjointes de protection' } },
];

/** The doctrine entries beyond Chapter 15, in handbook order. */
export const EXERCISE_DOCTRINE: readonly DoctrineEntry[] = [
  // §8.2 (derived: §8.2 to §8.2.5 give guidance in prose)
  // §8.2, opening: a strategic assessment by the POC coordination forum, all components included.
  {
    id: '8.2-do-1',
    section: '8.2',
    kind: 'do',
    tiers: ['I', 'II', 'III'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en:
        'Assess threats jointly in the POC coordination forum, with every component and partners, ' +
        'weighing political, security, gender and human rights factors',
      fr:
        'Évaluer les menaces conjointement au sein du forum de coordination POC, avec toutes les ' +
        'composantes et les partenaires, en pesant les facteurs politiques, sécuritaires, de genre ' +
        'et de droits humains',
    },
  },
  // §8.2.1, "Human rights, child protection and CRSV monitoring": early warning signs of atrocities.
  {
    id: '8.2-do-2',
    section: '8.2',
    kind: 'do',
    tiers: ['I', 'III'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en:
        'Feed human rights, child protection and sexual violence monitoring into the assessment, and ' +
        'watch for early signs of atrocities such as hate speech and incitement',
      fr:
        'Nourrir l’évaluation du suivi des droits humains, de la protection de l’enfance et des ' +
        'violences sexuelles, et guetter les signes précurseurs d’atrocités comme les discours de ' +
        'haine et l’incitation',
    },
  },
  // §8.2.2, "Identify civilians at risk" and "Assessing vulnerabilities".
  {
    id: '8.2-do-3',
    section: '8.2',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response'],
    summary: {
      en:
        'Name the civilians each threat puts at risk and why they are vulnerable, women, men, girls, ' +
        'boys, displaced people and minorities alike, asking the communities',
      fr:
        'Nommer les civils que chaque menace met en danger et la raison de leur vulnérabilité ' +
        '(femmes, hommes, filles, garçons, déplacés, minorités), en interrogeant les communautés',
    },
  },
  // §8.2.4 (risk = likelihood x impact) and §8.2.5 (prioritize the highest risk to civilians).
  {
    id: '8.2-do-4',
    section: '8.2',
    kind: 'do',
    tiers: ['I', 'II', 'III'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en:
        'Rate each threat by its likelihood and its impact on civilians, and give priority to the ' +
        'threats that carry the highest risk',
      fr:
        'Coter chaque menace selon sa probabilité et son impact sur les civils, et donner la priorité ' +
        'aux menaces qui présentent le risque le plus élevé',
    },
  },
  // §8.2.4 and §8.2.5: risk is to the civilian population, weighed by likelihood and impact.
  {
    id: '8.2-dont-1',
    section: '8.2',
    kind: 'dont',
    severity: 'minor',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en:
        'Do not rank threats on incident counts alone or on the mission’s own convenience; records ' +
        'inform the judgement, but likelihood and impact on civilians decide the rank',
      fr:
        'Ne pas classer les menaces sur le seul nombre d’incidents ni selon la commodité de la mission : ' +
        'les antécédents éclairent le jugement, mais le rang dépend de la probabilité et de l’impact sur les civils',
    },
  },
  // §8.2.3 (other actors' acceptance and potential to cause harm) and §8.2.5 (negative consequences).
  {
    id: '8.2-dont-2',
    section: '8.2',
    kind: 'dont',
    severity: 'major',
    tiers: ['I', 'II'],
    phases: ['pre-emption', 'response', 'consolidation'],
    summary: {
      en:
        'Do not hand the protection of civilians to a force they fear or that may harm them without ' +
        'first weighing that risk',
      fr:
        'Ne pas confier la protection des civils à une force qu’ils craignent ou qui risque de leur ' +
        'nuire sans avoir d’abord pesé ce risque',
    },
  },

  // §8.3 (derived from the guidance on the matrix and its template)
  // §8.3: a consultative matrix, approved by the Head of Office and military and police heads.
  {
    id: '8.3-do-1',
    section: '8.3',
    kind: 'do',
    tiers: ['I', 'II', 'III'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en:
        'Agree the threat matrix with all components, the UN country team and humanitarians, and have ' +
        'the Head of Office and military and police heads approve it',
      fr:
        'Arrêter la matrice des menaces avec toutes les composantes, l’équipe de pays et les ' +
        'humanitaires, et la faire approuver par le chef de bureau et les chefs militaire et policier',
    },
  },
  // §8.3, "A POC Threat Matrix shall as much as possible": map people, places, actors, gaps.
  {
    id: '8.3-do-2',
    section: '8.3',
    kind: 'do',
    tiers: ['I', 'II', 'III'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en:
        'Show in the matrix where risk is highest, who is at risk, who else can act and what the ' +
        'mission can bring, and flag gaps with corrective action',
      fr:
        'Montrer dans la matrice où le risque est le plus élevé, qui est menacé, qui d’autre peut agir ' +
        'et ce que la mission peut apporter, et signaler les lacunes avec les mesures correctives',
    },
  },
  // §8.3, flagging gaps and mapping blind spots where the mission has no presence.
  {
    id: '8.3-dont-1',
    section: '8.3',
    kind: 'dont',
    severity: 'major',
    tiers: ['II', 'III'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en:
        'Do not leave a threat off the matrix because the mission has no presence or capacity there; ' +
        'map the blind spot and flag the gap',
      fr:
        'Ne pas écarter une menace de la matrice parce que la mission n’est pas présente ou n’a pas de ' +
        'moyens sur place ; cartographier l’angle mort et signaler la lacune',
    },
  },

  // §10.1 (the handbook's own "What to DO" and "What NOT to do" lists, taken whole)
  {
    id: '10.1-do-1',
    section: '10.1',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response', 'consolidation'],
    summary: {
      en: 'Keep the people you talk to safe and secure',
      fr: 'Veiller à la sûreté et à la sécurité des personnes avec qui l’on s’entretient',
    },
  },
  {
    id: '10.1-do-2',
    section: '10.1',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response', 'consolidation'],
    summary: {
      en: 'Know the mission’s mandate before you engage communities',
      fr: 'Connaître le mandat de la mission avant d’aller vers les communautés',
    },
  },
  {
    id: '10.1-do-3',
    section: '10.1',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response', 'consolidation'],
    summary: {
      en: 'Listen: engaging a community is a two-way conversation, not only passing on messages',
      fr: 'Écouter : dialoguer avec une communauté se fait dans les deux sens, pas seulement en transmettant des messages',
    },
  },
  {
    id: '10.1-do-4',
    section: '10.1',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response', 'consolidation'],
    summary: {
      en: 'Respect people’s dignity and keep what they tell you confidential',
      fr: 'Respecter la dignité des personnes et garder confidentiel ce qu’elles confient',
    },
  },
  {
    id: '10.1-do-5',
    section: '10.1',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response', 'consolidation'],
    summary: {
      en: 'Get informed consent before using what people share or acting on it',
      fr: 'Obtenir un consentement éclairé avant d’utiliser ce que les personnes confient ou d’agir en conséquence',
    },
  },
  {
    id: '10.1-do-6',
    section: '10.1',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'consolidation'],
    summary: {
      en: 'Look for creative ways of reaching out to communities',
      fr: 'Chercher des moyens créatifs d’aller vers les communautés',
    },
  },
  {
    id: '10.1-do-7',
    section: '10.1',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response', 'consolidation'],
    summary: {
      en: 'Pass what you learn to the relevant mission components and POC coordination mechanisms',
      fr: 'Transmettre ce que l’on apprend aux composantes concernées de la mission et aux mécanismes de coordination POC',
    },
  },
  {
    id: '10.1-do-8',
    section: '10.1',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response', 'consolidation'],
    summary: {
      en:
        'Collect information broken down by sex and age, alert to how differently women, girls, men ' +
        'and boys live through the conflict',
      fr:
        'Recueillir des informations ventilées par sexe et par âge, attentives à la façon dont femmes, ' +
        'filles, hommes et garçons vivent différemment le conflit',
    },
  },
  {
    id: '10.1-do-9',
    section: '10.1',
    kind: 'do',
    tiers: ['I'],
    phases: ['response', 'consolidation'],
    summary: {
      en:
        'Know where to refer survivors of violations, sexual violence included, inside and outside the ' +
        'mission, and the specific channels for children',
      fr:
        'Savoir où orienter les victimes de violations, y compris de violences sexuelles, au sein de la ' +
        'mission et en dehors, et connaître les filières propres aux enfants',
    },
  },
  {
    id: '10.1-do-10',
    section: '10.1',
    kind: 'do',
    tiers: ['I', 'III'],
    phases: ['prevention', 'pre-emption', 'response', 'consolidation'],
    summary: {
      en: 'Work with local NGOs and communities, remembering that civil society groups may not speak for everyone',
      fr: 'Travailler avec les ONG locales et les communautés, sans oublier que la société civile ne parle pas toujours pour tous',
    },
  },
  {
    id: '10.1-do-11',
    section: '10.1',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response', 'consolidation'],
    summary: {
      en: 'Think through what your actions could mean for the local community before you act',
      fr: 'Réfléchir à ce que ses actions pourraient entraîner pour la communauté locale avant d’agir',
    },
  },
  {
    id: '10.1-do-12',
    section: '10.1',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response', 'consolidation'],
    summary: {
      en: 'Engage communities as civilian and uniformed components together, in one coordinated approach',
      fr: 'Aller vers les communautés ensemble, composantes civiles et en uniforme, selon une approche coordonnée',
    },
  },
  {
    id: '10.1-dont-1',
    section: '10.1',
    kind: 'dont',
    severity: 'minor',
    tiers: ['II'],
    phases: ['prevention', 'pre-emption', 'response'],
    summary: {
      en: 'Do not impose mission protection where communities are already protecting themselves effectively',
      fr: 'Ne pas imposer la protection de la mission là où les communautés se protègent déjà efficacement',
    },
  },
  {
    id: '10.1-dont-2',
    section: '10.1',
    kind: 'dont',
    severity: 'minor',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response', 'consolidation'],
    summary: {
      en: 'Do not impose your own personal judgement of what a community needs',
      fr: 'Ne pas imposer son jugement personnel sur ce dont une communauté a besoin',
    },
  },
  {
    id: '10.1-dont-3',
    section: '10.1',
    kind: 'dont',
    severity: 'major',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response', 'consolidation'],
    summary: {
      en: 'Do not do anything that could bring harm to local communities',
      fr: 'Ne rien entreprendre qui puisse nuire aux communautés locales',
    },
  },
  {
    id: '10.1-dont-4',
    section: '10.1',
    kind: 'dont',
    severity: 'critical',
    tiers: ['I'],
    phases: ['response', 'consolidation'],
    summary: {
      en: 'Do not question victims or witnesses, or look into what they went through, without a mandate and training for it',
      fr: 'Ne pas interroger les victimes et les témoins ni enquêter sans en avoir le mandat et la formation',
    },
  },
  {
    id: '10.1-dont-5',
    section: '10.1',
    kind: 'dont',
    severity: 'critical',
    tiers: ['I'],
    phases: ['response', 'consolidation'],
    summary: {
      en: 'Never give the authorities details about people who suffered human rights violations',
      fr: 'Ne jamais communiquer aux autorités les détails concernant des victimes de violations des droits humains',
    },
  },
  {
    id: '10.1-dont-6',
    section: '10.1',
    kind: 'dont',
    severity: 'critical',
    tiers: ['I'],
    phases: ['response', 'consolidation'],
    summary: {
      en: 'Never take photographs of child victims',
      fr: 'Ne jamais photographier des enfants victimes',
    },
  },
  {
    id: '10.1-dont-7',
    section: '10.1',
    kind: 'dont',
    severity: 'major',
    tiers: ['I'],
    phases: ['response', 'consolidation'],
    summary: {
      en: 'Do not act on victims’ behalf without their informed consent',
      fr: 'Ne pas agir au nom des victimes sans leur consentement éclairé',
    },
  },
  {
    id: '10.1-dont-8',
    section: '10.1',
    kind: 'dont',
    severity: 'minor',
    tiers: ['I'],
    phases: ['response', 'consolidation'],
    summary: {
      en: 'Do not lose heart when help is slow to come or the mission cannot help',
      fr: 'Ne pas se décourager quand l’aide tarde ou que la mission ne peut pas aider',
    },
  },
  {
    id: '10.1-dont-9',
    section: '10.1',
    kind: 'dont',
    severity: 'minor',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response', 'consolidation'],
    summary: {
      en: 'Do not spend time with children casually',
      fr: 'Ne pas passer du temps avec des enfants de façon informelle',
    },
  },
  {
    id: '10.1-dont-10',
    section: '10.1',
    kind: 'dont',
    severity: 'minor',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response', 'consolidation'],
    summary: {
      en: 'Do not give children money, food or work',
      fr: 'Ne pas donner d’argent, de nourriture ou de travail à des enfants',
    },
  },

  // §10.2 (derived from the prose and the list of risk mitigation measures)
  // §10.2: safe places for meetings, risk assessment before contact, refraining if safety is uncertain.
  {
    id: '10.2-do-1',
    section: '10.2',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response', 'consolidation'],
    summary: {
      en:
        'Before engaging people, assess their risk of reprisal and meet where they are safe; hold back ' +
        'if their safety cannot be assured',
      fr:
        'Avant d’aller vers des personnes, évaluer leur risque de représailles et les rencontrer là où ' +
        'elles sont en sécurité ; s’abstenir si leur sécurité ne peut être assurée',
    },
  },
  // §10.2, first paragraphs: harm from the mission's own operations, deployment and presence.
  {
    id: '10.2-do-2',
    section: '10.2',
    kind: 'do',
    tiers: ['II', 'III'],
    phases: ['prevention', 'pre-emption', 'response', 'consolidation'],
    summary: {
      en:
        'Weigh the harm the mission’s own operations, deployments and presence could bring civilians, ' +
        'such as displacement or reprisals, and reduce it',
      fr:
        'Peser le tort que les opérations, les déploiements et la présence mêmes de la mission peuvent ' +
        'causer aux civils, comme des déplacements ou des représailles, et le réduire',
    },
  },
  // §10.2, mitigation list: "Do not raise expectations".
  {
    id: '10.2-dont-1',
    section: '10.2',
    kind: 'dont',
    severity: 'major',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response', 'consolidation'],
    summary: {
      en: 'Do not raise expectations: tell people from the outset how far the mission can protect them',
      fr: 'Ne pas susciter de faux espoirs : dire d’emblée jusqu’où la mission peut protéger',
    },
  },

  // §11.4.6 (derived from the prose and the worked "armed group movement" example)
  // §11.4.6, first paragraph.
  {
    id: '11.4.6-do-1',
    section: '11.4.6',
    kind: 'do',
    tiers: ['II', 'III'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en:
        'Draw up an operation’s contingency plans jointly, civilian, police and military, with host ' +
        'authorities and humanitarian actors where appropriate',
      fr:
        'Élaborer conjointement les plans de contingence d’une opération, civils, police et militaires, ' +
        'avec les autorités du pays hôte et les humanitaires selon le cas',
    },
  },
  // §11.4.6, the example's table: mitigating and preparatory measures, then reactive measures.
  {
    id: '11.4.6-do-2',
    section: '11.4.6',
    kind: 'do',
    tiers: ['I', 'II', 'III'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Set out, risk by risk, what each component does beforehand to mitigate and prepare, and how it ' +
        'reacts if the risk materialises',
      fr:
        'Préciser, risque par risque, ce que chaque composante fait à l’avance pour atténuer et se ' +
        'préparer, et comment elle réagit si le risque se concrétise',
    },
  },

  // §11.4.7 (derived)
  // §11.4.7, first paragraphs: after all operations, with the best practices officers and stakeholders.
  {
    id: '11.4.7-do-1',
    section: '11.4.7',
    kind: 'do',
    tiers: ['III'],
    phases: ['consolidation'],
    summary: {
      en:
        'Hold an after action review after every operation, with all who planned and carried it out, ' +
        'guided by the best practices officer',
      fr:
        'Tenir une revue après action après chaque opération, avec tous ceux qui l’ont planifiée et ' +
        'menée, guidée par le responsable des meilleures pratiques',
    },
  },
  // §11.4.7, the four things a review should include.
  {
    id: '11.4.7-do-2',
    section: '11.4.7',
    kind: 'do',
    tiers: ['I', 'III'],
    phases: ['consolidation'],
    summary: {
      en:
        'Bring community perceptions, the metrics set in planning, and feedback from the POC Adviser ' +
        'and humanitarians into the review',
      fr:
        'Intégrer à la revue les perceptions des communautés, les indicateurs fixés lors de la ' +
        'planification et les retours du conseiller POC et des humanitaires',
    },
  },
  // §11.4.7, on sharing lessons and updating training, briefings and contingency plans.
  {
    id: '11.4.7-do-3',
    section: '11.4.7',
    kind: 'do',
    tiers: ['III'],
    phases: ['consolidation'],
    summary: {
      en: 'Share the lessons across the mission and update training, briefings and contingency plans with them',
      fr: 'Diffuser les leçons dans toute la mission et mettre à jour formations, briefings et plans de contingence',
    },
  },
  // §11.4.7: the review is held after all operations and includes all stakeholders.
  {
    id: '11.4.7-dont-1',
    section: '11.4.7',
    kind: 'dont',
    severity: 'minor',
    tiers: ['III'],
    phases: ['consolidation'],
    summary: {
      en:
        'Do not skip the review or keep it within one component: the lessons stay hidden and the plans ' +
        'stay as they were',
      fr:
        'Ne pas renoncer à la revue ni la limiter à une seule composante : les leçons restent cachées ' +
        'et les plans inchangés',
    },
  },

  // §11.5 (derived from the prose and the "Critical tasks for crisis management for POC" checklist)
  // §11.5: POC built into crisis management, with the POC Adviser beside the JOC and JMAC.
  {
    id: '11.5-do-1',
    section: '11.5',
    kind: 'do',
    tiers: ['I', 'II'],
    phases: ['response'],
    summary: {
      en:
        'When a crisis threatens civilians, activate the mission’s crisis arrangements with POC built ' +
        'in: the POC Adviser beside the JOC and JMAC',
      fr:
        'Quand une crise menace des civils, activer le dispositif de crise de la mission en y intégrant ' +
        'la POC : le conseiller POC aux côtés du JOC et du JMAC',
    },
  },
  // §11.5, factors of a POC-related crisis: the perspective of specific groups of civilians.
  {
    id: '11.5-do-2',
    section: '11.5',
    kind: 'do',
    tiers: ['I'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'See the threat through civilians’ eyes, including what it means for women, men, girls, boys, ' +
        'minorities, persons with disabilities and the displaced',
      fr:
        'Voir la menace avec les yeux des civils, y compris ce qu’elle signifie pour les femmes, les ' +
        'hommes, les filles, les garçons, les minorités, les personnes handicapées et les déplacés',
    },
  },
  // §11.5, factors of a POC-related crisis: coordination with the host state and humanitarians.
  {
    id: '11.5-do-3',
    section: '11.5',
    kind: 'do',
    tiers: ['I', 'III'],
    phases: ['response', 'consolidation'],
    summary: {
      en: 'Coordinate the crisis response with the host state and humanitarians, respecting humanitarian principles',
      fr: 'Coordonner la réponse à la crise avec l’État hôte et les humanitaires, dans le respect des principes humanitaires',
    },
  },
  // §11.5, factors of a POC-related crisis: communication with the civilian population.
  {
    id: '11.5-do-4',
    section: '11.5',
    kind: 'do',
    tiers: ['I'],
    phases: ['pre-emption', 'response'],
    summary: {
      en: 'Tell the civilian population about the mission’s mandate and what it is doing to respond to the crisis',
      fr: 'Informer la population civile du mandat de la mission et de ce qu’elle fait pour répondre à la crise',
    },
  },
  // §11.5, critical tasks: rules of engagement clearly understood by military and police units.
  {
    id: '11.5-do-5',
    section: '11.5',
    kind: 'do',
    tiers: ['II'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Make sure military and police units clearly understand their rules of engagement, up to deadly ' +
        'force and temporary detention to protect civilians',
      fr:
        'S’assurer que les unités militaires et de police comprennent clairement leurs règles ' +
        'd’engagement, jusqu’à la force létale et la détention temporaire pour protéger les civils',
    },
  },
  // §11.5, critical tasks: specialised teams deployed with physical protection.
  {
    id: '11.5-do-6',
    section: '11.5',
    kind: 'do',
    tiers: ['I', 'II'],
    phases: ['response', 'consolidation'],
    summary: {
      en:
        'Deploy specialised teams with physical protection where needed: human rights investigators, ' +
        'joint protection teams, sexual violence or mine action experts',
      fr:
        'Déployer au besoin des équipes spécialisées sous protection physique : enquêteurs des droits ' +
        'humains, équipes conjointes de protection, experts des violences sexuelles ou de l’action ' +
        'antimines',
    },
  },
  // §11.5, critical tasks: after the violence, support the return to stability and normal life.
  {
    id: '11.5-do-7',
    section: '11.5',
    kind: 'do',
    tiers: ['III'],
    phases: ['consolidation'],
    summary: {
      en: 'After the violence, help restore stability and normal life, working with the host government and the UN country team',
      fr: 'Après les violences, aider à rétablir la stabilité et une vie normale avec l’État hôte et l’équipe de pays',
    },
  },
  // §11.5: early warning and situational awareness exist so that the mission responds quickly.
  {
    id: '11.5-dont-1',
    section: '11.5',
    kind: 'dont',
    severity: 'major',
    tiers: ['I', 'II'],
    phases: ['response'],
    summary: {
      en:
        'Do not wait for certainty or the next scheduled meeting before activating crisis arrangements ' +
        'for a large-scale threat to civilians',
      fr:
        'Ne pas attendre une certitude ou la prochaine réunion prévue pour activer le dispositif de ' +
        'crise face à une menace de grande ampleur contre des civils',
    },
  },

  // §12.4 (derived)
  // §12.4, first paragraph: the continuum of graduated force.
  {
    id: '12.4-do-1',
    section: '12.4',
    kind: 'do',
    tiers: ['II'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Use force in graduated steps, authoritative presence, then non-deadly, then deadly force, ' +
        'skipping steps only when any delay would cost lives',
      fr:
        'Employer la force par paliers, présence dissuasive, puis force non létale, puis force létale, ' +
        'en ne sautant d’étape que si le moindre délai coûterait des vies',
    },
  },
  // §12.4, second paragraph: force within a comprehensive engagement on the perpetrator's intent.
  {
    id: '12.4-do-2',
    section: '12.4',
    kind: 'do',
    tiers: ['I', 'II'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Make force part of a wider engagement that works on the perpetrator’s intent, joining political ' +
        'and community persuasion to coercion',
      fr:
        'Inscrire la force dans un engagement plus large qui agit sur l’intention de l’auteur, en ' +
        'associant la persuasion politique et communautaire à la contrainte',
    },
  },
  // §12.4, the questions for an early discussion between leaders, planners and the POC Adviser.
  {
    id: '12.4-do-3',
    section: '12.4',
    kind: 'do',
    tiers: ['II', 'III'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en:
        'Agree early, with military, police, civilians and the POC Adviser, the posture, triggers and ' +
        'red lines for using force, and who does what',
      fr:
        'Convenir tôt, avec militaires, policiers, civils et conseiller POC, de la posture, des ' +
        'déclencheurs et des lignes rouges du recours à la force, et du rôle de chacun',
    },
  },
  // §12.4, second paragraph: proactive force once a credible threat is identified.
  {
    id: '12.4-principle-1',
    section: '12.4',
    kind: 'principle',
    tiers: ['II'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Protection is not only defensive: force is authorised against any source of violence as soon ' +
        'as a credible threat to civilians is identified',
      fr:
        'La protection n’est pas seulement défensive : la force est autorisée contre toute source de ' +
        'violence dès qu’une menace crédible contre des civils est identifiée',
    },
  },
  // §12.4 (weigh all the circumstances and consequences of an intervention), with Annex V step 16.
  {
    id: '12.4-dont-1',
    section: '12.4',
    kind: 'dont',
    severity: 'critical',
    tiers: ['II'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Never use force that cannot spare the civilians around its target; weigh its harm to them ' +
        'before it is used',
      fr:
        'Ne jamais employer une force incapable d’épargner les civils autour de sa cible ; peser le tort ' +
        'qu’elle peut leur faire avant d’y recourir',
    },
  },
  // §12.4: protection "is not limited to defensive actions".
  {
    id: '12.4-dont-2',
    section: '12.4',
    kind: 'dont',
    severity: 'critical',
    tiers: ['II'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Do not stay on the defensive or leave it to others while civilians within reach are being ' +
        'attacked and the mission can act',
      fr:
        'Ne pas rester sur la défensive ni s’en remettre à d’autres quand des civils à portée sont ' +
        'attaqués et que la mission peut agir',
    },
  },
  // §12.4, first paragraph: steps are skipped only when a moment's delay would cost lives.
  {
    id: '12.4-dont-3',
    section: '12.4',
    kind: 'dont',
    severity: 'major',
    tiers: ['II'],
    phases: ['pre-emption', 'response'],
    summary: {
      en: 'Do not go straight to force while presence, warning and persuasion still have time to work',
      fr: 'Ne pas passer d’emblée à la force quand la présence, l’avertissement et la persuasion ont encore le temps d’agir',
    },
  },

  // §13.3 (derived from the general guidance and the strategies for each tier)
  // §13.3, first bullet.
  {
    id: '13.3-do-1',
    section: '13.3',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response', 'consolidation'],
    summary: {
      en:
        'Build a gender perspective into situational awareness by hearing women and girls directly, as ' +
        'threats to them are often less visible',
      fr:
        'Intégrer une perspective de genre à la connaissance de la situation en écoutant directement ' +
        'femmes et filles, car les menaces qui les visent sont souvent moins visibles',
    },
  },
  // §13.3, second bullet and Tier I strategies: women in early warning, mediation and planning.
  {
    id: '13.3-do-2',
    section: '13.3',
    kind: 'do',
    tiers: ['I', 'III'],
    phases: ['prevention', 'pre-emption', 'response', 'consolidation'],
    summary: {
      en: 'Give women a real, not a token, part in early warning, mediation and the planning and running of protection',
      fr: 'Donner aux femmes une place réelle, et non symbolique, dans l’alerte précoce, la médiation et la conduite de la protection',
    },
  },
  // §13.3, Tier II strategies: activities tailored to women's and girls' mobility and risks.
  {
    id: '13.3-do-3',
    section: '13.3',
    kind: 'do',
    tiers: ['II'],
    phases: ['pre-emption', 'response', 'consolidation'],
    summary: {
      en:
        'Shape physical protection around the risks women and girls face and their daily movements: ' +
        'firewood, water and market patrols, safe spaces',
      fr:
        'Adapter la protection physique aux risques que courent femmes et filles et à leurs ' +
        'déplacements quotidiens : patrouilles bois, eau et marché, espaces sûrs',
    },
  },

  // Annex IV (derived from its five phases)
  // Annex IV, phase 1: point of entry, who is informed, and the decision to respond.
  {
    id: 'annex-iv-do-1',
    section: 'Annex IV',
    kind: 'do',
    tiers: ['I'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'When a POC crisis may be under way, alert the POC Adviser, Force and police heads, the ' +
        'Spokesperson and Chief of Staff, and decide whether to respond',
      fr:
        'Dès qu’une crise POC peut être en cours, alerter le conseiller POC, les chefs de la Force et de ' +
        'la police, le porte-parole et le chef de cabinet, et décider s’il faut réagir',
    },
  },
  // Annex IV, phase 2 ("First with the Truth").
  {
    id: 'annex-iv-do-2',
    section: 'Annex IV',
    kind: 'do',
    tiers: ['I'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Be first with the truth: say early what is known and what is being done, so rumour cannot ' +
        'fill the silence',
      fr:
        'Être le premier à dire la vérité : dire tôt ce que l’on sait et ce que l’on fait, pour que la ' +
        'rumeur ne remplisse pas le silence',
    },
  },
  // Annex IV, phase 2: the crisis communications working group names a lead spokesperson.
  {
    id: 'annex-iv-do-3',
    section: 'Annex IV',
    kind: 'do',
    tiers: ['I'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Convene a crisis communications group that names one spokesperson, so the mission speaks with ' +
        'one voice until the picture settles',
      fr:
        'Réunir un groupe de communication de crise qui désigne un seul porte-parole, pour que la ' +
        'mission parle d’une seule voix jusqu’à ce que la situation s’éclaircisse',
    },
  },
  // Annex IV, phases 3 to 5: a coordinated response, its effect assessed, then continued.
  {
    id: 'annex-iv-do-4',
    section: 'Annex IV',
    kind: 'do',
    tiers: ['I'],
    phases: ['response', 'consolidation'],
    summary: {
      en:
        'Refine messages as facts firm up, check that they reach the people they are meant for, and ' +
        'adjust them',
      fr:
        'Affiner les messages à mesure que les faits se précisent, vérifier qu’ils atteignent leurs ' +
        'destinataires, et les ajuster',
    },
  },
  // Annex IV, phase 2: an information vacuum is filled with mis- and disinformation.
  {
    id: 'annex-iv-dont-1',
    section: 'Annex IV',
    kind: 'dont',
    severity: 'major',
    tiers: ['I'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Do not stay silent until every fact is established: the vacuum fills with misinformation that ' +
        'can put civilians at risk',
      fr:
        'Ne pas se taire jusqu’à ce que tous les faits soient établis : le vide se remplit de fausses ' +
        'informations qui peuvent mettre des civils en danger',
    },
  },
  // Annex IV, phase 2: one voice in the first phases of a crisis.
  {
    id: 'annex-iv-dont-2',
    section: 'Annex IV',
    kind: 'dont',
    severity: 'minor',
    tiers: ['I'],
    phases: ['pre-emption', 'response'],
    summary: {
      en: 'Do not let components speak to the media separately in the first hours of a crisis',
      fr: 'Ne pas laisser chaque composante parler aux médias de son côté dans les premières heures d’une crise',
    },
  },
  // Annex IV, opening: communications must be accurate as well as timely.
  {
    id: 'annex-iv-dont-3',
    section: 'Annex IV',
    kind: 'dont',
    severity: 'major',
    tiers: ['I'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Do not put out statements the mission cannot stand behind, such as flat denials or promises of ' +
        'safety; be accurate',
      fr:
        'Ne pas publier de déclarations que la mission ne peut pas assumer, comme des démentis ' +
        'catégoriques ou des promesses de sécurité ; rester exact',
    },
  },

  // Annex V (derived from the procedure's phases A to F and steps 1 to 17)
  // Annex V, phase A: local conflict and POC risk assessment, community protection plans.
  {
    id: 'annex-v-do-1',
    section: 'Annex V',
    kind: 'do',
    tiers: ['I', 'III'],
    phases: ['prevention'],
    summary: {
      en:
        'Keep a local conflict and POC risk assessment and community protection plans up to date, and ' +
        'share them with everyone in the warning chain',
      fr:
        'Tenir à jour une analyse locale des conflits et des risques POC et les plans de protection ' +
        'communautaire, et les partager avec toute la chaîne d’alerte',
    },
  },
  // Annex V, phase B, step 2.
  {
    id: 'annex-v-do-2',
    section: 'Annex V',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response'],
    summary: {
      en: 'Pass any information on a threat to civilians at once to the JOC or early warning cell, copying the Head of Office',
      fr: 'Transmettre sans délai toute information sur une menace contre des civils au JOC ou à la cellule d’alerte, copie au chef de bureau',
    },
  },
  // Annex V, phase B, steps 3 to 5 (annexes 2 and 3).
  {
    id: 'annex-v-do-3',
    section: 'Annex V',
    kind: 'do',
    tiers: ['I'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Rate the source and the information, cross-check them, and treat the report as an alert until ' +
        'it is confirmed as an early warning',
      fr:
        'Coter la source et l’information, les recouper, et traiter le signalement comme une alerte ' +
        'jusqu’à ce qu’il soit confirmé comme alerte précoce',
    },
  },
  // Annex V, phase C, steps 6 to 9 (annexes 4 to 6).
  {
    id: 'annex-v-do-4',
    section: 'Annex V',
    kind: 'do',
    tiers: ['I'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Assess what the threat would do to civilians, children and women and how likely it is, set its ' +
        'priority and judge whether it is imminent',
      fr:
        'Évaluer ce que la menace ferait aux civils, aux enfants et aux femmes et sa probabilité, fixer ' +
        'sa priorité et juger si elle est imminente',
    },
  },
  // Annex V, phase D, steps 10 to 12.
  {
    id: 'annex-v-do-5',
    section: 'Annex V',
    kind: 'do',
    tiers: ['I', 'II', 'III'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en:
        'For a threat that is not imminent, agree actions with owners and deadlines in the protection ' +
        'group, follow them up and keep the threat under review',
      fr:
        'Pour une menace non imminente, arrêter au sein du groupe de protection des actions avec ' +
        'responsables et échéances, les suivre et garder la menace à l’étude',
    },
  },
  // Annex V, phase E, steps 10 and 11.
  {
    id: 'annex-v-do-6',
    section: 'Annex V',
    kind: 'do',
    tiers: ['I', 'II'],
    phases: ['response'],
    summary: {
      en:
        'For an imminent threat, alert the Head of Office, Force and police commanders and HQ at once, ' +
        'and convene an emergency group to decide the response',
      fr:
        'Pour une menace imminente, alerter sans délai le chef de bureau, les commandants de la Force et ' +
        'de la police et le QG, et réunir un groupe d’urgence qui décide de la réponse',
    },
  },
  // Annex V, phase F, step 17.
  {
    id: 'annex-v-do-7',
    section: 'Annex V',
    kind: 'do',
    tiers: ['III'],
    phases: ['consolidation'],
    summary: {
      en:
        'Afterwards, review how the warning was turned into a response, for instance in an after action ' +
        'review, and act on what it finds',
      fr:
        'Ensuite, examiner comment l’alerte a été transformée en réponse, par exemple lors d’une revue ' +
        'après action, et donner suite à ses conclusions',
    },
  },
  // Annex V, step 2 and the definition of an early warning: each one requires a rapid response.
  {
    id: 'annex-v-dont-1',
    section: 'Annex V',
    kind: 'dont',
    severity: 'major',
    tiers: ['I', 'II'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Do not let a warning sit unread, untranslated or undecided: every early warning calls for a ' +
        'rapid response',
      fr:
        'Ne pas laisser une alerte sans lecture, sans traduction ou sans décision : toute alerte ' +
        'précoce appelle une réponse rapide',
    },
  },
  // Annex V, phase E, step 15: no further order such as a FRAGO is needed.
  {
    id: 'annex-v-dont-2',
    section: 'Annex V',
    kind: 'dont',
    severity: 'major',
    tiers: ['II'],
    phases: ['response'],
    summary: {
      en:
        'Do not hold back a rapid response the emergency group has decided while waiting for further ' +
        'orders: uniformed units need none',
      fr:
        'Ne pas retarder une réponse rapide décidée par le groupe d’urgence dans l’attente d’autres ' +
        'ordres : les unités en uniforme n’en ont pas besoin',
    },
  },

  // Annex VI (derived from the procedure for joint protection teams)
  // Annex VI, paragraphs 4, 7 and 9: where teams go, and their priority.
  {
    id: 'annex-vi-do-1',
    section: 'Annex VI',
    kind: 'do',
    tiers: ['I', 'III'],
    phases: ['prevention', 'pre-emption', 'consolidation'],
    summary: {
      en:
        'Send a joint protection team where civilians face serious threats and the mission has no ' +
        'regular presence, and give it priority',
      fr:
        'Envoyer une équipe conjointe de protection là où des civils sont gravement menacés et où la ' +
        'mission n’est pas présente en permanence, en lui donnant la priorité',
    },
  },
  // Annex VI, paragraphs 15 and 16: leader, sections, Force and UNPOL members, both genders.
  {
    id: 'annex-vi-do-2',
    section: 'Annex VI',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'consolidation'],
    summary: {
      en:
        'Put a civilian in charge, draw members from at least three sections plus the Force and UNPOL, ' +
        'and include women and men',
      fr:
        'Confier la direction à un civil, prendre les membres dans au moins trois sections ainsi qu’à la ' +
        'Force et à l’UNPOL, et y inclure femmes et hommes',
    },
  },
  // Annex VI, paragraphs 20.5 and 32.2: meetings with women, findings on women and girls.
  {
    id: 'annex-vi-do-3',
    section: 'Annex VI',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'consolidation'],
    summary: {
      en:
        'Plan meetings with women and women’s groups, and weigh the risks to women and girls in the ' +
        'team’s findings and recommendations',
      fr:
        'Prévoir des rencontres avec les femmes et leurs associations, et tenir compte des risques pour ' +
        'les femmes et les filles dans les constats et recommandations',
    },
  },
  // Annex VI, objective 8.5: preventive protection structures with the communities.
  {
    id: 'annex-vi-do-4',
    section: 'Annex VI',
    kind: 'do',
    tiers: ['I', 'III'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en: 'Help communities set up protection plans and alert networks with the mission where the team goes',
      fr: 'Aider les communautés à mettre en place des plans de protection et des réseaux d’alerte avec la mission là où l’équipe se rend',
    },
  },
  // Annex VI, paragraphs 31 to 34: debriefing, reports and tracked recommendations.
  {
    id: 'annex-vi-do-5',
    section: 'Annex VI',
    kind: 'do',
    tiers: ['I', 'III'],
    phases: ['pre-emption', 'consolidation'],
    summary: {
      en:
        'Debrief within a day of return, report within 48 hours, and give each recommendation an owner ' +
        'the protection group tracks',
      fr:
        'Débriefer dans la journée qui suit le retour, rendre compte sous 48 heures et confier chaque ' +
        'recommandation à un responsable dont le groupe de protection suit l’action',
    },
  },
  // Annex VI, paragraph 17: national participants need prior authorisation, impartiality and HRDDP.
  {
    id: 'annex-vi-dont-1',
    section: 'Annex VI',
    kind: 'dont',
    severity: 'major',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en:
        'Do not bring host security forces or officials on a team without prior approval, impartiality ' +
        'and a human rights due diligence check',
      fr:
        'Ne pas emmener de forces de sécurité ou de responsables du pays hôte dans une équipe sans ' +
        'autorisation préalable, impartialité et vérification de diligence voulue',
    },
  },
];

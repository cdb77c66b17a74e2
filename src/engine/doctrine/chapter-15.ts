import type { DoctrineEntry, DoctrineSituation } from './doctrine-entry.ts';

/**
 * Handbook Chapter 15 (DPO POC Handbook 2020, "Scenarios"): every Do and Don't of §15.1 to §15.7,
 * paraphrased in our own words. Ids are `<section>-<kind>-<n>`, n being the bullet's 1-based position
 * in that section's Do or Don't list (lists split across "(continued)" headings count as one list).
 */

/** The seven Chapter 15 situations. */
export const CHAPTER_15_SITUATIONS: readonly DoctrineSituation[] = [
  {
    section: '15.1',
    title: {
      en: 'Civilians seeking protection at a mission base or premises',
      fr: 'Civils cherchant protection auprès d’une base ou de locaux de la mission',
    },
  },
  {
    section: '15.2',
    title: {
      en: 'Individual civilians seeking UN protection',
      fr: 'Civils isolés sollicitant la protection de l’ONU',
    },
  },
  {
    section: '15.3',
    title: {
      en: 'Securing IDP, refugee and returnee sites, camps or settlements',
      fr: 'Sécurisation des sites, camps ou installations de déplacés, de réfugiés et de rapatriés',
    },
  },
  {
    section: '15.4',
    title: {
      en: 'Securing civilians close to conflict zones',
      fr: 'Sécurisation des civils à proximité des zones de conflit',
    },
  },
  {
    section: '15.5',
    title: {
      en: 'Children associated with or held by armed groups or forces',
      fr: 'Enfants associés à des forces ou groupes armés ou détenus par ceux-ci',
    },
  },
  {
    section: '15.6',
    title: {
      en: 'Sexual violence being committed or imminent',
      fr: 'Violences sexuelles en cours ou imminentes',
    },
  },
  {
    section: '15.7',
    title: { en: 'Sexual violence has already occurred', fr: 'Violences sexuelles déjà commises' },
  },
];

/** Every Do and Don't of Handbook Chapter 15, in handbook order. */
export const CHAPTER_15: readonly DoctrineEntry[] = [
  // §15.1
  {
    id: '15.1-do-1',
    section: '15.1',
    kind: 'do',
    tiers: ['II'],
    phases: ['prevention', 'pre-emption', 'response'],
    duty: 'major',
    summary: {
      en:
        'Keep a base contingency plan ready and protect civilians ' +
        'in line with the Community Protection Plan',
      fr:
        'Tenir prêt un plan d’urgence de la base et protéger les civils ' +
        'conformément au plan de protection communautaire',
    },
  },
  {
    id: '15.1-do-2',
    section: '15.1',
    kind: 'do',
    tiers: ['II'],
    phases: ['pre-emption', 'response'],
    summary: {
      en: 'Halt armed actors advancing on civilians gathered around or inside the base',
      fr:
        'Arrêter la progression des acteurs armés vers les civils ' +
        'rassemblés autour de la base ou à l’intérieur',
    },
  },
  {
    id: '15.1-do-3',
    section: '15.1',
    kind: 'do',
    tiers: ['II'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Secure the site and its surroundings, widen the perimeter if needed and, only as a ' +
        'last resort, shelter civilians briefly in the compound, away from staff quarters',
      fr:
        'Sécuriser le site de protection et ses abords, étendre le périmètre au besoin et, en dernier ' +
        'recours seulement, abriter temporairement les civils dans l’enceinte, à l’écart des logements du personnel',
    },
  },
  {
    id: '15.1-do-4',
    section: '15.1',
    kind: 'do',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    duty: 'critical',
    summary: {
      en:
        'Keep the site civilian: let no armed actor enter it or press people to stay or leave; ' +
        'admit combatants only disarmed and out of uniform, if granted protection',
      fr:
        'Préserver le caractère civil du site : qu’aucun acteur armé n’y entre ni ne pousse les gens ' +
        'à rester ou à partir ; n’admettre les combattants que désarmés et sans uniforme, s’ils sont protégés',
    },
  },
  {
    id: '15.1-do-5',
    section: '15.1',
    kind: 'do',
    tiers: ['I'],
    phases: ['response', 'consolidation'],
    summary: {
      en: 'Use CLAs, interpreters or national staff to learn what worries the sheltered population',
      fr:
        'S’appuyer sur les assistants de liaison communautaire, des interprètes ou le personnel ' +
        'national pour connaître les préoccupations de la population protégée',
    },
  },
  {
    id: '15.1-do-6',
    section: '15.1',
    kind: 'do',
    tiers: ['I', 'II'],
    phases: ['pre-emption', 'response', 'consolidation'],
    summary: {
      en:
        'Anticipate tensions and violence among sheltered civilians and plan extra ' +
        'protection for minorities, including separate areas where needed',
      fr:
        'Anticiper les tensions et violences entre civils protégés et prévoir une protection ' +
        'renforcée des minorités, y compris des zones séparées si nécessaire',
    },
  },
  {
    id: '15.1-do-7',
    section: '15.1',
    kind: 'do',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    summary: {
      en: 'Keep people suspected of crimes or violence inside the site apart from the others',
      fr:
        'Tenir à l’écart des autres les personnes soupçonnées de ' +
        'crimes ou de violences commis dans le site',
    },
  },
  {
    id: '15.1-do-8',
    section: '15.1',
    kind: 'do',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    summary: {
      en:
        'Treat civilians humanely and with dignity, and uphold zero ' +
        'tolerance of sexual exploitation and abuse',
      fr:
        'Traiter les civils avec humanité et dignité et respecter la tolérance ' +
        'zéro à l’égard de l’exploitation et des atteintes sexuelles',
    },
  },
  {
    id: '15.1-do-9',
    section: '15.1',
    kind: 'do',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    summary: {
      en:
        'Meet the particular needs of women, children, older people, ' +
        'persons with disabilities and other at-risk groups',
      fr:
        'Répondre aux besoins particuliers des femmes, des enfants, des personnes ' +
        'âgées, des personnes handicapées et des autres groupes à risque',
    },
  },
  {
    id: '15.1-do-10',
    section: '15.1',
    kind: 'do',
    tiers: ['I'],
    phases: ['response'],
    summary: {
      en:
        'Alert the Head of Office and Force and Police headquarters, and ask for ' +
        'support such as a Joint Protection Team to assess protection needs',
      fr:
        'Alerter le chef de bureau ainsi que les quartiers généraux de la Force et ' +
        'de la Police, et demander un appui, par exemple une équipe conjointe de ' +
        'protection, pour évaluer les besoins de protection',
    },
  },
  {
    id: '15.1-do-11',
    section: '15.1',
    kind: 'do',
    tiers: ['I', 'III'],
    phases: ['consolidation'],
    summary: {
      en:
        'Work with Protection Cluster partners on further protection and aid if ' +
        'civilians keep sheltering at or near the base for a long time',
      fr:
        'Collaborer avec les membres du groupe sectoriel Protection pour renforcer la ' +
        'protection et l’aide si les civils restent longtemps à la base ou à proximité',
    },
  },
  {
    id: '15.1-do-12',
    section: '15.1',
    kind: 'do',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    summary: {
      en:
        'Where needed, patrol to let civilians fetch firewood, water or food ' +
        'safely, agreeing the patrols and their timing with the community',
      fr:
        'Au besoin, patrouiller pour permettre aux civils d’aller chercher du ' +
        'bois, de l’eau ou de la nourriture en sécurité, en convenant des ' +
        'patrouilles et de leurs horaires avec la communauté',
    },
  },
  {
    id: '15.1-do-13',
    section: '15.1',
    kind: 'do',
    tiers: ['II', 'III'],
    phases: ['pre-emption', 'response', 'consolidation'],
    summary: {
      en:
        'Consider joint patrols, including at night, with national police or gendarmerie, ' +
        'unless those forces are a real or perceived threat to civilians',
      fr:
        'Envisager des patrouilles conjointes, y compris de nuit, avec la police ou la gendarmerie ' +
        'nationale, sauf si ces forces représentent une menace réelle ou perçue pour les civils',
    },
  },
  {
    id: '15.1-do-14',
    section: '15.1',
    kind: 'do',
    tiers: ['II', 'III'],
    phases: ['consolidation'],
    summary: {
      en:
        'Find alternative safe sites with authorities, humanitarians and the community, ' +
        'making sure nearby communities accept them and access is, and feels, safe',
      fr:
        'Trouver d’autres sites sûrs avec les autorités, les humanitaires et la communauté, en s’assurant ' +
        'de l’acceptation des communautés voisines et d’un accès sûr et perçu comme tel',
    },
  },
  {
    id: '15.1-do-15',
    section: '15.1',
    kind: 'do',
    tiers: ['I'],
    phases: ['pre-emption', 'response', 'consolidation'],
    summary: {
      en: 'Help community members get the information they need to judge their own security',
      fr:
        'Aider les membres de la communauté à obtenir les informations ' +
        'nécessaires pour évaluer leur propre sécurité',
    },
  },
  {
    id: '15.1-do-16',
    section: '15.1',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response'],
    summary: {
      en: 'Counter rumours, incitement and propaganda',
      fr: 'Contrer les rumeurs, les propos incitant à la violence et la propagande',
    },
  },
  {
    id: '15.1-dont-1',
    section: '15.1',
    kind: 'dont',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    severity: 'critical',
    summary: {
      en: 'Never push civilians out of the base perimeter or hold them there against their will',
      fr:
        'Ne jamais contraindre les civils à quitter le périmètre de ' +
        'la base ni les y retenir contre leur gré',
    },
  },
  {
    id: '15.1-dont-2',
    section: '15.1',
    kind: 'dont',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    severity: 'major',
    summary: {
      en:
        'Do not let political gatherings or military activity such ' +
        'as recruitment take place near the base',
      fr:
        'Ne pas tolérer de réunions politiques ni d’activités ' +
        'militaires, comme le recrutement, à proximité de la base',
    },
  },
  {
    id: '15.1-dont-3',
    section: '15.1',
    kind: 'dont',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    severity: 'minor',
    summary: {
      en:
        'Do not deliver humanitarian aid directly, beyond ' +
        'last-resort drinking water, medical care and food',
      fr:
        'Ne pas fournir directement d’aide humanitaire, hormis, en dernier recours, ' +
        'de l’eau potable, des soins médicaux et de la nourriture',
    },
  },
  {
    id: '15.1-dont-4',
    section: '15.1',
    kind: 'dont',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    severity: 'major',
    summary: {
      en:
        'Do not run armed military patrols or operations inside the protected area unless the ' +
        'population faces an imminent threat; UN police lead security inside',
      fr:
        'Ne pas mener de patrouilles ou d’opérations militaires armées dans la zone ' +
        'protégée, sauf menace imminente pour la population ; la sécurité ' +
        'intérieure relève d’abord de la police des Nations Unies',
    },
  },
  {
    id: '15.1-dont-5',
    section: '15.1',
    kind: 'dont',
    tiers: ['I'],
    phases: ['pre-emption', 'response', 'consolidation'],
    severity: 'major',
    summary: {
      en: 'Do not disregard what civilians try to tell you; engage them through CLAs or interpreters',
      fr:
        'Ne pas ignorer ce que les civils cherchent à communiquer ; dialoguer avec eux par ' +
        'l’intermédiaire d’assistants de liaison communautaire ou d’interprètes',
    },
  },
  {
    id: '15.1-dont-6',
    section: '15.1',
    kind: 'dont',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    severity: 'major',
    summary: {
      en: 'Do not neglect protection needs after dark',
      fr: 'Ne pas négliger les besoins de protection la nuit',
    },
  },
  {
    id: '15.1-dont-7',
    section: '15.1',
    kind: 'dont',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    severity: 'major',
    summary: {
      en:
        'Do not separate ethnic or religious groups by default, ' +
        'since this can deepen divisions and hostility',
      fr:
        'Ne pas séparer d’office les groupes ethniques ou religieux, ce ' +
        'qui risque d’aggraver les divisions et l’hostilité',
    },
  },
  // §15.2
  {
    id: '15.2-do-1',
    section: '15.2',
    kind: 'do',
    tiers: ['I', 'II'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en:
        'Before offering physical protection, weigh other ways to cut the threat: anti-reprisal ' +
        'steps, self-protection advice, reporting, guards or patrols near the home',
      fr:
        'Avant d’offrir une protection physique, envisager d’autres moyens de ' +
        'réduire la menace : mesures contre les représailles, conseils ' +
        'd’autoprotection, signalement, garde ou patrouilles près du domicile',
    },
  },
  {
    id: '15.2-do-2',
    section: '15.2',
    kind: 'do',
    tiers: ['I'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Be clear about the limited protection the mission can give an ' +
        'individual, which usually excludes relocation',
      fr:
        'Être clair sur la protection limitée que la mission peut offrir à une ' +
        'personne, qui exclut généralement la relocalisation',
    },
  },
  {
    id: '15.2-do-3',
    section: '15.2',
    kind: 'do',
    tiers: ['I'],
    phases: ['pre-emption', 'response'],
    summary: {
      en: 'With the person’s consent, pass the case on to other protection actors who may be able to help',
      fr:
        'Avec l’accord de la personne, transmettre le cas vers d’autres ' +
        'acteurs de la protection susceptibles d’aider',
    },
  },
  {
    id: '15.2-do-4',
    section: '15.2',
    kind: 'do',
    tiers: ['II'],
    phases: ['response'],
    duty: 'critical',
    summary: {
      en:
        'Get the senior UN official’s instructions before admitting someone to the base, but ' +
        'admit them at once if their life, safety or liberty is at imminent risk',
      fr:
        'Obtenir les instructions du plus haut responsable de l’ONU sur place avant ' +
        'd’admettre une personne dans la base, mais l’admettre immédiatement si sa vie, ' +
        'son intégrité ou sa liberté est menacée de façon imminente',
    },
  },
  {
    id: '15.2-do-5',
    section: '15.2',
    kind: 'do',
    tiers: ['I', 'II'],
    phases: ['response'],
    summary: {
      en:
        'Hold a first interview to record the request and give interim protection at ' +
        'the gate as needed, pending advice from a Human Rights Officer',
      fr:
        'Mener un premier entretien pour consigner la demande et assurer au besoin une protection ' +
        'provisoire à l’entrée, en attendant l’avis d’un spécialiste des droits de l’homme',
    },
  },
  {
    id: '15.2-do-6',
    section: '15.2',
    kind: 'do',
    tiers: ['II'],
    phases: ['response'],
    summary: {
      en: 'Make the person disarm and take off any uniform before letting them in',
      fr: 'Exiger que la personne se désarme et retire tout uniforme avant de la laisser entrer',
    },
  },
  {
    id: '15.2-do-7',
    section: '15.2',
    kind: 'do',
    tiers: ['II'],
    phases: ['response'],
    summary: {
      en: 'Search the person thoroughly for weapons and contraband, ideally by staff of the same gender',
      fr:
        'Fouiller minutieusement la personne à la recherche d’armes et d’objets ' +
        'interdits, de préférence par du personnel du même sexe',
    },
  },
  {
    id: '15.2-do-8',
    section: '15.2',
    kind: 'do',
    tiers: ['I'],
    phases: ['response'],
    duty: 'major',
    summary: {
      en:
        'If someone says they belong to or deserted from an armed movement, tell them at ' +
        'once of their status under IHL and consult the mission Legal Adviser',
      fr:
        'Si une personne déclare appartenir à un mouvement armé ou l’avoir déserté, ' +
        'l’informer immédiatement de son statut au regard du droit international ' +
        'humanitaire et consulter le conseiller juridique de la mission',
    },
  },
  {
    id: '15.2-do-9',
    section: '15.2',
    kind: 'do',
    tiers: ['III'],
    phases: ['response', 'consolidation'],
    summary: {
      en: 'Direct anyone, individually or in a group, who wants to enter DDR to the mission’s DDR section',
      fr:
        'Orienter toute personne, seule ou en groupe, qui souhaite ' +
        'entrer dans le DDR vers la section DDR de la mission',
    },
  },
  {
    id: '15.2-do-10',
    section: '15.2',
    kind: 'do',
    tiers: ['II'],
    phases: ['response'],
    summary: {
      en:
        'Grant refuge to people in imminent mortal danger only for ' +
        'as long as it takes to remove the threat',
      fr:
        'N’accorder refuge aux personnes en danger de mort imminent ' +
        'que le temps nécessaire pour écarter la menace',
    },
  },
  {
    id: '15.2-do-11',
    section: '15.2',
    kind: 'do',
    tiers: ['II'],
    phases: ['response'],
    duty: 'critical',
    summary: {
      en:
        'Always let threatened children into the base and call the ' +
        'mission’s Child Protection Advisers/Officers straight away',
      fr:
        'Toujours laisser entrer dans la base les enfants menacés et prévenir sans délai les ' +
        'conseillers et spécialistes de la protection de l’enfance de la mission',
    },
  },
  {
    id: '15.2-dont-1',
    section: '15.2',
    kind: 'dont',
    tiers: ['I'],
    phases: ['response'],
    severity: 'critical',
    summary: {
      en:
        'Never disclose a person’s request for protection outside the mission, local ' +
        'authorities included, without their free and informed consent',
      fr:
        'Ne jamais révéler la demande de protection d’une personne en dehors de la mission, y ' +
        'compris aux autorités locales, sans son consentement libre et éclairé',
    },
  },
  {
    id: '15.2-dont-2',
    section: '15.2',
    kind: 'dont',
    tiers: ['I'],
    phases: ['response'],
    severity: 'critical',
    summary: {
      en:
        'Do not question victims or witnesses of human rights violations about ' +
        'their ordeal unless a Human Rights Officer is present',
      fr:
        'Ne pas interroger les victimes ou témoins de violations des droits de l’homme sur ce ' +
        'qu’ils ont vécu sans la présence d’un spécialiste des droits de l’homme',
    },
  },
  {
    id: '15.2-dont-3',
    section: '15.2',
    kind: 'dont',
    tiers: ['I'],
    phases: ['pre-emption', 'response'],
    severity: 'major',
    summary: {
      en: 'Do not judge the risk a person faces without looking into it properly',
      fr: 'Ne pas préjuger du risque auquel une personne est exposée sans examen suffisant',
    },
  },
  {
    id: '15.2-dont-4',
    section: '15.2',
    kind: 'dont',
    tiers: ['II'],
    phases: ['response'],
    severity: 'critical',
    summary: {
      en: 'Never let armed or uniformed individuals into UN premises',
      fr: 'Ne jamais admettre de personnes armées ou en uniforme dans les locaux de l’ONU',
    },
  },
  {
    id: '15.2-dont-5',
    section: '15.2',
    kind: 'dont',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    severity: 'minor',
    summary: {
      en:
        'Do not admit more people to UN premises where there is neither ' +
        'ongoing fighting nor a threat of physical violence',
      fr:
        'Ne pas admettre de nouvelles personnes dans les locaux de l’ONU là où il ' +
        'n’y a ni combats en cours ni menace de violence physique',
    },
  },
  {
    id: '15.2-dont-6',
    section: '15.2',
    kind: 'dont',
    tiers: ['II'],
    phases: ['response'],
    severity: 'critical',
    summary: {
      en:
        'Never hand a sheltered person to local authorities without a valid warrant, written ' +
        'guarantees of lawful treatment and the senior UN official’s explicit consent',
      fr:
        'Ne jamais remettre aux autorités locales une personne accueillie dans la base ' +
        'sans mandat d’arrêt valide, garanties écrites d’un traitement conforme au droit ' +
        'et accord exprès du plus haut responsable de l’ONU sur place',
    },
  },
  // §15.3
  {
    id: '15.3-do-1',
    section: '15.3',
    kind: 'do',
    tiers: ['I', 'II'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en:
        'Jointly with all components, assess threats to displaced people and plan their ' +
        'protection, consulting them and site managers and covering vulnerable groups',
      fr:
        'Conjointement avec toutes les composantes, évaluer les menaces pesant sur les ' +
        'déplacés et planifier leur protection, en les consultant, ainsi que les ' +
        'gestionnaires de sites, et en tenant compte des groupes vulnérables',
    },
  },
  {
    id: '15.3-do-2',
    section: '15.3',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response'],
    summary: {
      en:
        'Stay in close touch with UNHCR, the Protection Cluster and other ' +
        'protection actors for up-to-date protection analysis',
      fr:
        'Rester en lien étroit avec le HCR, le groupe sectoriel Protection et les autres ' +
        'acteurs de la protection pour disposer d’analyses de protection à jour',
    },
  },
  {
    id: '15.3-do-3',
    section: '15.3',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en:
        'Consider sending a Joint Protection Team or similar tool to analyse ' +
        'in depth the protection needs of a site or host area',
      fr:
        'Envisager de déployer une équipe conjointe de protection ou un outil similaire pour ' +
        'analyser en profondeur les besoins de protection d’un site ou d’une zone d’accueil',
    },
  },
  {
    id: '15.3-do-4',
    section: '15.3',
    kind: 'do',
    tiers: ['II'],
    phases: ['prevention', 'pre-emption', 'response'],
    summary: {
      en:
        'Coordinate security in and around sites with displaced representatives, national ' +
        'forces, UNHCR and camp managers, keeping armed elements and weapons out',
      fr:
        'Coordonner la sécurité dans et autour des sites avec les représentants ' +
        'des déplacés, les forces nationales, le HCR et les gestionnaires de ' +
        'camps, en empêchant l’entrée d’éléments armés et d’armes',
    },
  },
  {
    id: '15.3-do-5',
    section: '15.3',
    kind: 'do',
    tiers: ['II', 'III'],
    phases: ['prevention', 'pre-emption', 'consolidation'],
    summary: {
      en: 'Assess and deal with any explosive ordnance risk around sites hosting displaced people',
      fr:
        'Évaluer et traiter tout risque lié aux engins explosifs aux ' +
        'abords des sites accueillant des déplacés',
    },
  },
  {
    id: '15.3-do-6',
    section: '15.3',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en:
        'Set up a Community Alert Network with representatives of ' +
        'the displaced and other relevant actors',
      fr:
        'Mettre en place un réseau d’alerte communautaire avec les ' +
        'représentants des déplacés et les autres acteurs concernés',
    },
  },
  {
    id: '15.3-do-7',
    section: '15.3',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'consolidation'],
    summary: {
      en:
        'Make sure women are among community representatives or can raise ' +
        'concerns directly, for example in women-only meetings',
      fr:
        'Veiller à ce que les femmes figurent parmi les représentants communautaires ou puissent exprimer ' +
        'directement leurs préoccupations, par exemple lors de réunions réservées aux femmes',
    },
  },
  {
    id: '15.3-do-8',
    section: '15.3',
    kind: 'do',
    tiers: ['II'],
    phases: ['prevention', 'pre-emption', 'response'],
    summary: {
      en: 'Put a Community Protection Plan into effect',
      fr: 'Mettre en œuvre un plan de protection communautaire',
    },
  },
  {
    id: '15.3-do-9',
    section: '15.3',
    kind: 'do',
    tiers: ['II'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Keep military security outside the site, going in only when ' +
        'civilians face imminent physical violence',
      fr:
        'Limiter la sécurité militaire à l’extérieur du site et n’y entrer que si les ' +
        'civils sont sous la menace imminente de violences physiques',
    },
  },
  {
    id: '15.3-do-10',
    section: '15.3',
    kind: 'do',
    tiers: ['II'],
    phases: ['prevention', 'response', 'consolidation'],
    summary: {
      en:
        'UN police may work inside sites, in coordination with civilian staff and the displaced ' +
        'community and after consulting UNHCR, local authorities or camp managers',
      fr:
        'La police des Nations Unies peut intervenir dans les sites, en coordination ' +
        'avec les composantes civiles et la communauté déplacée, après consultation du ' +
        'HCR, des autorités locales ou de la gestion du camp',
    },
  },
  {
    id: '15.3-do-11',
    section: '15.3',
    kind: 'do',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    summary: {
      en:
        'Where needed, patrol so civilians can reach firewood, water, food, markets or ' +
        'services, agreeing timing with the community, UNHCR and site managers',
      fr:
        'Au besoin, patrouiller pour que les civils puissent accéder au bois, à l’eau, ' +
        'à la nourriture, aux marchés ou aux services, en convenant des horaires avec ' +
        'la communauté, le HCR et les gestionnaires du site',
    },
  },
  {
    id: '15.3-do-12',
    section: '15.3',
    kind: 'do',
    tiers: ['I', 'II'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Identify and separate fighters from civilians and keep them away from sites, schools and ' +
        'places of worship, pressing the state or armed group leaders as needed',
      fr:
        'Identifier les combattants, les séparer des civils et les tenir éloignés ' +
        'des sites, des écoles et des lieux de culte, en menant au besoin un ' +
        'plaidoyer auprès de l’État ou des chefs des groupes armés',
    },
  },
  {
    id: '15.3-do-13',
    section: '15.3',
    kind: 'do',
    tiers: ['II'],
    phases: ['prevention', 'pre-emption', 'response'],
    summary: {
      en: 'Make sure no civilians carry weapons in or near the site',
      fr: 'Veiller à ce qu’aucun civil ne porte d’armes dans le site ou à proximité',
    },
  },
  {
    id: '15.3-do-14',
    section: '15.3',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'response', 'consolidation'],
    summary: {
      en:
        'As uniformed personnel, lean on civilian sections or CLAs for translation, ' +
        'outreach and engagement with residents, authorities and humanitarians',
      fr:
        'En tant que personnel en uniforme, s’appuyer sur les sections civiles ou les ' +
        'assistants de liaison communautaire pour la traduction, la sensibilisation et le ' +
        'dialogue avec la population, les autorités et les humanitaires',
    },
  },
  {
    id: '15.3-dont-1',
    section: '15.3',
    kind: 'dont',
    tiers: ['II'],
    phases: ['prevention', 'pre-emption'],
    severity: 'minor',
    summary: {
      en:
        'Do not guard a displaced persons’ site by default: it may face no violence, ' +
        'and full-time guarding drains capacity from priority threats',
      fr:
        'Ne pas assurer d’office la sécurité d’un site de déplacés : il n’est peut-être pas ' +
        'menacé, et une garde permanente détourne des moyens des menaces prioritaires',
    },
  },
  {
    id: '15.3-dont-2',
    section: '15.3',
    kind: 'dont',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    severity: 'critical',
    summary: {
      en: 'Never force civilians to leave the site or to remain there',
      fr: 'Ne jamais contraindre les civils à quitter le site ni à y rester',
    },
  },
  {
    id: '15.3-dont-3',
    section: '15.3',
    kind: 'dont',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    severity: 'minor',
    summary: {
      en:
        'Do not hand out humanitarian aid directly beyond last-resort water, medical care ' +
        'and food; flag unmet needs to UNHCR and the Humanitarian Country Team',
      fr:
        'Ne pas distribuer directement d’aide humanitaire au-delà de l’eau potable, des ' +
        'soins et de la nourriture en dernier recours ; signaler les besoins non couverts ' +
        'au HCR et à l’équipe de pays pour l’action humanitaire',
    },
  },
  {
    id: '15.3-dont-4',
    section: '15.3',
    kind: 'dont',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    severity: 'major',
    summary: {
      en:
        'Do not send military patrols into the site unless there is an imminent threat; ' +
        'police patrols go in coordination with civilian staff and humanitarians',
      fr:
        'Ne pas envoyer de patrouilles militaires dans le site, sauf menace ' +
        'imminente ; les patrouilles de police s’y déroulent en coordination ' +
        'avec les composantes civiles et les humanitaires',
    },
  },
  {
    id: '15.3-dont-5',
    section: '15.3',
    kind: 'dont',
    tiers: ['I'],
    phases: ['pre-emption', 'response', 'consolidation'],
    severity: 'major',
    summary: {
      en: 'Do not disregard what civilians communicate; use CLAs or interpreters to grasp their concerns',
      fr:
        'Ne pas ignorer ce que les civils communiquent ; recourir aux assistants de liaison ' +
        'communautaire ou à des interprètes pour saisir leurs préoccupations',
    },
  },
  {
    id: '15.3-dont-6',
    section: '15.3',
    kind: 'dont',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    severity: 'major',
    summary: {
      en: 'Do not overlook protection needs at night',
      fr: 'Ne pas perdre de vue les besoins de protection la nuit',
    },
  },
  // §15.4
  {
    id: '15.4-do-1',
    section: '15.4',
    kind: 'do',
    tiers: ['I', 'II'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en: 'Identify ahead of time which civilians risk direct or indiscriminate attack',
      fr: 'Repérer à l’avance les civils exposés à des attaques directes ou sans discrimination',
    },
  },
  {
    id: '15.4-do-2',
    section: '15.4',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en:
        'Advocate with and sensitise potential perpetrators to deter attacks on ' +
        'civilians and press for respect of IHL where it applies',
      fr:
        'Mener des actions de plaidoyer et de sensibilisation auprès des auteurs ' +
        'potentiels pour prévenir les attaques contre les civils et obtenir le ' +
        'respect du droit international humanitaire, le cas échéant',
    },
  },
  {
    id: '15.4-do-3',
    section: '15.4',
    kind: 'do',
    tiers: ['I', 'III'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en: 'Find and back the self-protection arrangements communities already have',
      fr: 'Repérer et soutenir les mécanismes d’autoprotection dont disposent déjà les communautés',
    },
  },
  {
    id: '15.4-do-4',
    section: '15.4',
    kind: 'do',
    tiers: ['I', 'III'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en:
        'Work with host state civilian, police and military authorities to learn ' +
        'about and back their plans to protect civilians at risk',
      fr:
        'Collaborer avec les autorités civiles, policières et militaires de l’État hôte pour ' +
        'comprendre et appuyer leurs plans de protection des civils menacés',
    },
  },
  {
    id: '15.4-do-5',
    section: '15.4',
    kind: 'do',
    tiers: ['I', 'II'],
    phases: ['pre-emption', 'response'],
    duty: 'critical',
    summary: {
      en:
        'Always act to prevent or halt violence against directly threatened civilians, ' +
        'whoever the source, through engagement or physical protection',
      fr:
        'Toujours intervenir pour prévenir ou faire cesser les violences contre des civils directement ' +
        'menacés, quelle qu’en soit la source, par le dialogue ou la protection physique',
    },
  },
  {
    id: '15.4-do-6',
    section: '15.4',
    kind: 'do',
    tiers: ['II'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Use military forces to interpose, set up weapons-free zones or patrol, ' +
        'on foot and at night too, where feasible and appropriate',
      fr:
        'Recourir aux forces militaires pour s’interposer, créer des zones exemptes d’armes ou ' +
        'patrouiller, y compris à pied et de nuit, lorsque c’est possible et approprié',
    },
  },
  {
    id: '15.4-do-7',
    section: '15.4',
    kind: 'do',
    tiers: ['II', 'III'],
    phases: ['response', 'consolidation'],
    summary: {
      en:
        'Assess further risks to people in the conflict zone, including ' +
        'mines, ERW and IEDs, with UNMAS and other actors',
      fr:
        'Évaluer les autres risques pour la population de la zone de conflit, ' +
        'notamment les mines, les restes explosifs de guerre et les engins ' +
        'explosifs improvisés, avec l’UNMAS et d’autres acteurs',
    },
  },
  {
    id: '15.4-do-8',
    section: '15.4',
    kind: 'do',
    tiers: ['I'],
    phases: ['pre-emption', 'response'],
    summary: {
      en: 'Consult the population and tell them what the UN will do to protect them',
      fr: 'Consulter la population et l’informer des mesures que l’ONU prendra pour la protéger',
    },
  },
  {
    id: '15.4-do-9',
    section: '15.4',
    kind: 'do',
    tiers: ['II'],
    phases: ['response'],
    summary: {
      en: 'If asked, consider relocating or evacuating people, consulting the Protection Cluster',
      fr:
        'Sur demande, envisager de relocaliser ou d’évacuer la ' +
        'population, en consultant le groupe sectoriel Protection',
    },
  },
  {
    id: '15.4-do-10',
    section: '15.4',
    kind: 'do',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    summary: {
      en:
        'Where needed, patrol so civilians can collect firewood, water or ' +
        'food, agreeing patrols and timing with the community',
      fr:
        'Au besoin, patrouiller pour que les civils puissent aller chercher du bois, de l’eau ou de la ' +
        'nourriture, en convenant des patrouilles et des horaires avec la communauté',
    },
  },
  {
    id: '15.4-do-11',
    section: '15.4',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response'],
    duty: 'major',
    summary: {
      en:
        'Always give civilians objective information on security and ' +
        'threats, without raising false hopes of protection',
      fr:
        'Toujours fournir aux civils des informations objectives sur la sécurité et ' +
        'les menaces, sans susciter de faux espoirs de protection',
    },
  },
  {
    id: '15.4-dont-1',
    section: '15.4',
    kind: 'dont',
    tiers: ['II'],
    phases: ['pre-emption', 'response'],
    severity: 'critical',
    summary: {
      en: 'Never force civilians to leave the area or to stay there',
      fr: 'Ne jamais contraindre les civils à quitter la zone ni à y rester',
    },
  },
  {
    id: '15.4-dont-2',
    section: '15.4',
    kind: 'dont',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    severity: 'minor',
    summary: {
      en:
        'Do not give direct aid to civilians, IDPs included, beyond ' +
        'last-resort drinking water, medical care and food',
      fr:
        'Ne pas fournir d’aide directe aux civils, déplacés compris, au-delà de l’eau ' +
        'potable, des soins médicaux et de la nourriture en dernier recours',
    },
  },
  {
    id: '15.4-dont-3',
    section: '15.4',
    kind: 'dont',
    tiers: ['I'],
    phases: ['pre-emption', 'response', 'consolidation'],
    severity: 'major',
    summary: {
      en: 'Do not ignore civilians’ messages because of a language barrier; use CLAs or interpreters',
      fr:
        'Ne pas ignorer les messages des civils à cause de la barrière de la langue ; ' +
        'recourir aux assistants de liaison communautaire ou à des interprètes',
    },
  },
  {
    id: '15.4-dont-4',
    section: '15.4',
    kind: 'dont',
    tiers: ['II'],
    phases: ['pre-emption', 'response'],
    severity: 'major',
    summary: {
      en: 'Do not neglect protection needs at night',
      fr: 'Ne pas négliger les besoins de protection pendant la nuit',
    },
  },
  // §15.5
  {
    id: '15.5-do-1',
    section: '15.5',
    kind: 'do',
    tiers: ['I'],
    phases: ['prevention', 'pre-emption', 'response'],
    summary: {
      en:
        'Remind national forces and armed groups that employing children in any role, from ' +
        'combat to sexual slavery, gravely breaches national and international law',
      fr:
        'Rappeler aux forces nationales et aux groupes armés qu’employer des ' +
        'enfants à quelque titre que ce soit, du combat à l’esclavage sexuel, ' +
        'viole gravement le droit national et international',
    },
  },
  {
    id: '15.5-do-2',
    section: '15.5',
    kind: 'do',
    tiers: ['I', 'II'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'After consulting mission child protection staff, act to free recruited children, hand ' +
        'them promptly to child protection actors and discourage recruitment',
      fr:
        'Après consultation du personnel de protection de l’enfance de la mission, ' +
        'agir pour libérer les enfants recrutés, les remettre rapidement aux acteurs ' +
        'de la protection de l’enfance et dissuader le recrutement',
    },
  },
  {
    id: '15.5-do-3',
    section: '15.5',
    kind: 'do',
    tiers: ['I', 'II'],
    phases: ['response'],
    summary: {
      en: 'Weigh how any intervention could affect other children still held by the group',
      fr:
        'Mesurer les conséquences possibles de toute intervention pour ' +
        'les autres enfants encore aux mains du groupe',
    },
  },
  {
    id: '15.5-do-4',
    section: '15.5',
    kind: 'do',
    tiers: ['I'],
    phases: ['response'],
    duty: 'major',
    summary: {
      en: 'Report everything immediately to the Head of Office or to Child Protection Advisers/Officers',
      fr:
        'Transmettre immédiatement toute information au chef de bureau ou aux ' +
        'conseillers et spécialistes de la protection de l’enfance',
    },
  },
  {
    id: '15.5-do-5',
    section: '15.5',
    kind: 'do',
    tiers: ['I'],
    phases: ['response'],
    summary: {
      en:
        'Record what happened if possible, keeping any identifying ' +
        'information, photos or evidence strictly confidential',
      fr:
        'Consigner les faits si possible, en gardant strictement confidentiels toute ' +
        'information, photo ou élément permettant une identification',
    },
  },
  {
    id: '15.5-do-6',
    section: '15.5',
    kind: 'do',
    tiers: ['II'],
    phases: ['prevention', 'pre-emption'],
    summary: {
      en:
        'Patrol communities and places where children face threats, such as ' +
        'around schools and other child-focused facilities',
      fr:
        'Patrouiller dans les communautés et les lieux où les enfants sont menacés, par ' +
        'exemple autour des écoles et des autres structures destinées aux enfants',
    },
  },
  {
    id: '15.5-do-7',
    section: '15.5',
    kind: 'do',
    tiers: ['II'],
    phases: ['response'],
    summary: {
      en:
        'Shelter children, or presumed children, at military bases only ' +
        'temporarily, until Child Protection or DDR staff arrange a solution',
      fr:
        'N’héberger des enfants, ou présumés tels, dans les bases militaires qu’à titre provisoire, en ' +
        'attendant que le personnel de protection de l’enfance ou du DDR trouve une solution',
    },
  },
  {
    id: '15.5-do-8',
    section: '15.5',
    kind: 'do',
    tiers: ['I', 'II'],
    phases: ['response'],
    duty: 'critical',
    summary: {
      en:
        'Treat anyone under 18 as a child; when age is unclear, presume a ' +
        'child and send them to child protection actors',
      fr:
        'Considérer toute personne de moins de 18 ans comme un enfant ; en cas de doute sur l’âge, la ' +
        'présumer enfant et l’orienter vers les acteurs de la protection de l’enfance',
    },
  },
  {
    id: '15.5-do-9',
    section: '15.5',
    kind: 'do',
    tiers: ['II'],
    phases: ['prevention', 'response'],
    summary: {
      en: 'Remind all personnel that zero tolerance of any sexual exploitation and abuse binds them',
      fr:
        'Rappeler à tout le personnel qu’il est tenu de respecter la tolérance zéro à ' +
        'l’égard de toute forme d’exploitation et d’atteintes sexuelles',
    },
  },
  {
    id: '15.5-do-10',
    section: '15.5',
    kind: 'do',
    tiers: ['I', 'III'],
    phases: ['response', 'consolidation'],
    summary: {
      en:
        'Treat children linked to armed forces or groups as victims ' +
        'entitled to special protection and assistance',
      fr:
        'Considérer les enfants associés à des forces ou groupes armés comme des ' +
        'victimes ayant droit à une protection et une assistance spéciales',
    },
  },
  {
    id: '15.5-dont-1',
    section: '15.5',
    kind: 'dont',
    tiers: ['I'],
    phases: ['response'],
    severity: 'critical',
    summary: {
      en: 'Never photograph the children, whatever the circumstances',
      fr: 'Ne jamais photographier les enfants, quelles que soient les circonstances',
    },
  },
  {
    id: '15.5-dont-2',
    section: '15.5',
    kind: 'dont',
    tiers: ['I'],
    phases: ['response'],
    severity: 'major',
    summary: {
      en: 'Do not try to check young people’s age in front of other armed group members',
      fr: 'Ne pas chercher à vérifier l’âge des jeunes devant d’autres membres du groupe armé',
    },
  },
  {
    id: '15.5-dont-3',
    section: '15.5',
    kind: 'dont',
    tiers: ['I'],
    phases: ['response'],
    severity: 'critical',
    summary: {
      en:
        'Never question children about abuses they suffered or suffer ' +
        'while the armed group they were found with is present',
      fr:
        'Ne jamais interroger les enfants sur les violations qu’ils ont subies ou ' +
        'subissent en présence du groupe armé avec lequel ils ont été trouvés',
    },
  },
  {
    id: '15.5-dont-4',
    section: '15.5',
    kind: 'dont',
    tiers: ['I'],
    phases: ['response'],
    severity: 'critical',
    summary: {
      en:
        'Never ask children outright whether they were physically or sexually abused; ' +
        'leave such questions and follow-up to Child Protection staff',
      fr:
        'Ne jamais demander directement aux enfants s’ils ont subi des violences physiques ou ' +
        'sexuelles ; laisser ces questions et le suivi au personnel de protection de l’enfance',
    },
  },
  {
    id: '15.5-dont-5',
    section: '15.5',
    kind: 'dont',
    tiers: ['I'],
    phases: ['response'],
    severity: 'critical',
    summary: {
      en: 'Never interview a child unless Child Protection or UNICEF staff are present',
      fr:
        'Ne jamais s’entretenir avec un enfant sans la présence du ' +
        'personnel de protection de l’enfance ou de l’UNICEF',
    },
  },
  {
    id: '15.5-dont-6',
    section: '15.5',
    kind: 'dont',
    tiers: ['II'],
    phases: ['response'],
    severity: 'critical',
    summary: {
      en: 'Never turn threatened children away from the UN base',
      fr: 'Ne jamais refuser l’accès à la base de l’ONU aux enfants menacés',
    },
  },
  {
    id: '15.5-dont-7',
    section: '15.5',
    kind: 'dont',
    tiers: ['II'],
    phases: ['response', 'consolidation'],
    severity: 'critical',
    summary: {
      en:
        'Never hand children linked to armed actors to outside authorities; transfer them to ' +
        'Child Protection, DDR staff or UNICEF for reunification and reintegration',
      fr:
        'Ne jamais remettre à des autorités extérieures à la mission des enfants associés ' +
        'à des acteurs armés ; les confier à la protection de l’enfance, au DDR ou à ' +
        'l’UNICEF pour la réunification familiale et la réintégration',
    },
  },
  {
    id: '15.5-dont-8',
    section: '15.5',
    kind: 'dont',
    tiers: ['I'],
    phases: ['response', 'consolidation'],
    severity: 'major',
    summary: {
      en:
        'Do not add to the stigma on children associated, or seen ' +
        'as associated, with armed forces or groups',
      fr:
        'Ne pas accroître la stigmatisation des enfants associés, ou ' +
        'perçus comme associés, à des forces ou groupes armés',
    },
  },
  // §15.6
  {
    id: '15.6-do-1',
    section: '15.6',
    kind: 'do',
    tiers: ['II'],
    phases: ['pre-emption', 'response'],
    duty: 'critical',
    summary: {
      en:
        'As uniformed personnel, step in to stop or deter sexual ' +
        'violence, whether or not the perpetrators are armed',
      fr:
        'En tant que personnel en uniforme, intervenir pour faire cesser ou dissuader ' +
        'les violences sexuelles, que les auteurs soient armés ou non',
    },
  },
  {
    id: '15.6-do-2',
    section: '15.6',
    kind: 'do',
    tiers: ['I'],
    phases: ['pre-emption', 'response'],
    summary: {
      en:
        'Warn perpetrators and accomplices that they are breaking national ' +
        'and international law and will face consequences',
      fr:
        'Avertir les auteurs et leurs complices qu’ils enfreignent le droit ' +
        'national et international et qu’ils en subiront les conséquences',
    },
  },
  {
    id: '15.6-do-3',
    section: '15.6',
    kind: 'do',
    tiers: ['I', 'II'],
    phases: ['response'],
    summary: {
      en:
        'Move survivors to safety, refer them with consent to medical, psychosocial and ' +
        'specialist services, and look after their families and witnesses',
      fr:
        'Mettre les victimes en sécurité, les orienter avec leur consentement ' +
        'vers les services médicaux, psychosociaux et spécialisés, et veiller à ' +
        'la sécurité de leurs familles et des témoins',
    },
  },
  {
    id: '15.6-do-4',
    section: '15.6',
    kind: 'do',
    tiers: ['I'],
    phases: ['response'],
    summary: {
      en:
        'Record the incident in detail (names, place, weapons, rank and unit of ' +
        'uniformed perpetrators) without interviewing survivors or witnesses',
      fr:
        'Consigner l’incident en détail (noms, lieu, armes, grade et unité des ' +
        'auteurs en uniforme) sans interroger les victimes ni les témoins',
    },
  },
  {
    id: '15.6-do-5',
    section: '15.6',
    kind: 'do',
    tiers: ['I'],
    phases: ['response'],
    duty: 'major',
    summary: {
      en:
        'Report sexual violence seen by UN staff at once to the Head of Office, WPAs and ' +
        'Human Rights Officers, sharing no identifying details without consent',
      fr:
        'Signaler immédiatement les violences sexuelles constatées par le personnel de l’ONU au chef de ' +
        'bureau, aux conseillers pour la protection des femmes et aux spécialistes des droits de l’homme, ' +
        'sans communiquer de détail permettant une identification sans consentement',
    },
  },
  {
    id: '15.6-dont-1',
    section: '15.6',
    kind: 'dont',
    tiers: ['I'],
    phases: ['response'],
    severity: 'critical',
    summary: {
      en:
        'Never interview or question a survivor or possible victim of sexual assault; leave ' +
        'it to trained Women’s Protection Advisers or Human Rights Officers',
      fr:
        'Ne jamais interroger une victime, avérée ou potentielle, d’agression ' +
        'sexuelle ; laisser cette tâche aux conseillers pour la protection des ' +
        'femmes ou aux spécialistes des droits de l’homme formés',
    },
  },
  {
    id: '15.6-dont-2',
    section: '15.6',
    kind: 'dont',
    tiers: ['I', 'II'],
    phases: ['response', 'consolidation'],
    severity: 'critical',
    summary: {
      en: 'Never retraumatise, stigmatise or endanger the survivor further',
      fr: 'Ne jamais traumatiser à nouveau, stigmatiser davantage ni mettre en danger la victime',
    },
  },
  {
    id: '15.6-dont-3',
    section: '15.6',
    kind: 'dont',
    tiers: ['I'],
    phases: ['response', 'consolidation'],
    severity: 'major',
    summary: {
      en: 'Do not show bias or prejudice toward survivors of sexual violence',
      fr: 'Ne faire preuve d’aucun parti pris ni préjugé envers les victimes de violences sexuelles',
    },
  },
  // §15.7
  {
    id: '15.7-do-1',
    section: '15.7',
    kind: 'do',
    duty: 'major',
    tiers: ['I', 'II'],
    phases: ['response', 'consolidation'],
    summary: {
      en:
        'Put survivors’ health and welfare first, and protect the identity and ' +
        'confidentiality of survivors, their families and witnesses',
      fr:
        'Placer la santé et le bien-être des victimes au premier plan et protéger l’identité ' +
        'et la confidentialité des victimes, de leurs familles et des témoins',
    },
  },
  {
    id: '15.7-do-2',
    section: '15.7',
    kind: 'do',
    tiers: ['I'],
    phases: ['response'],
    duty: 'major',
    summary: {
      en:
        'Promptly alert the mission’s focal points on sexual violence (women’s protection, ' +
        'human rights, child protection) and share case details only with consent',
      fr:
        'Contacter sans tarder les points focaux de la mission pour les violences ' +
        'sexuelles (protection des femmes, droits de l’homme, protection de ' +
        'l’enfance) et ne partager d’informations qu’avec consentement',
    },
  },
  {
    id: '15.7-do-3',
    section: '15.7',
    kind: 'do',
    tiers: ['I'],
    phases: ['response', 'consolidation'],
    summary: {
      en:
        'Tell survivors where to get medical and psychosocial help, ' +
        'and respect their choice if they decline it',
      fr:
        'Indiquer aux victimes où obtenir une aide médicale et ' +
        'psychosociale, et respecter leur choix si elles la refusent',
    },
  },
  {
    id: '15.7-do-4',
    section: '15.7',
    kind: 'do',
    tiers: ['I'],
    phases: ['response'],
    summary: {
      en:
        'Tell survivors that proper medical care within 72 hours, including PEP ' +
        'kits, sharply lowers the risk of sexually transmitted infection',
      fr:
        'Informer les victimes qu’une prise en charge médicale adaptée dans les 72 heures, y compris ' +
        'les kits PEP, réduit fortement le risque d’infection sexuellement transmissible',
    },
  },
  {
    id: '15.7-dont-1',
    section: '15.7',
    kind: 'dont',
    tiers: ['I'],
    phases: ['response'],
    severity: 'critical',
    summary: {
      en: 'Never ask survivors directly whether they were raped',
      fr: 'Ne jamais demander directement aux victimes si elles ont été violées',
    },
  },
  {
    id: '15.7-dont-2',
    section: '15.7',
    kind: 'dont',
    tiers: ['I'],
    phases: ['response'],
    severity: 'critical',
    summary: {
      en:
        'Do not interview survivors yourself; leave it to human ' +
        'rights, child protection or CRSV specialists',
      fr:
        'Ne pas mener soi-même d’entretien avec les victimes ; laisser cette ' +
        'tâche aux spécialistes des droits de l’homme, de la protection de ' +
        'l’enfance ou des violences sexuelles liées aux conflits',
    },
  },
  {
    id: '15.7-dont-3',
    section: '15.7',
    kind: 'dont',
    tiers: ['I'],
    phases: ['response', 'consolidation'],
    severity: 'major',
    summary: {
      en: 'Do not show bias or prejudice toward survivors of sexual violence',
      fr: 'Ne faire preuve d’aucun parti pris ni préjugé envers les victimes de violences sexuelles',
    },
  },
  {
    id: '15.7-dont-4',
    section: '15.7',
    kind: 'dont',
    tiers: ['I'],
    phases: ['response', 'consolidation'],
    severity: 'critical',
    summary: {
      en: 'Do not push survivors into medical care, counselling or other help they do not want',
      fr:
        'Ne pas contraindre les victimes à accepter des soins médicaux, un soutien ' +
        'psychologique ou toute autre aide qu’elles ne souhaitent pas',
    },
  },
  {
    id: '15.7-dont-5',
    section: '15.7',
    kind: 'dont',
    tiers: ['I'],
    phases: ['response', 'consolidation'],
    severity: 'critical',
    summary: {
      en:
        'Do not visit survivors’ families, homes, doctors or ' +
        'supporting NGOs, as this may expose them to danger',
      fr:
        'Ne pas rendre visite aux familles, au domicile, aux médecins ou aux ONG qui ' +
        'accompagnent les victimes, car cela pourrait les exposer à un danger',
    },
  },
  {
    id: '15.7-dont-6',
    section: '15.7',
    kind: 'dont',
    tiers: ['I'],
    phases: ['response'],
    severity: 'major',
    summary: {
      en:
        'Do not act on a sexual violence case before consulting the Women’s ' +
        'Protection Adviser or the mission’s focal point on sexual violence',
      fr:
        'Ne prendre aucune mesure relative à des violences sexuelles sans avoir d’abord consulté le ' +
        'conseiller pour la protection des femmes ou le point focal de la mission',
    },
  },
  {
    id: '15.7-dont-7',
    section: '15.7',
    kind: 'dont',
    tiers: ['I'],
    phases: ['response', 'consolidation'],
    severity: 'critical',
    summary: {
      en: 'Never disclose survivors’ names, photos or details in reports or when meeting local officials',
      fr:
        'Ne jamais divulguer les noms, photos ou détails concernant les victimes dans ' +
        'des rapports ou lors de réunions avec des responsables locaux',
    },
  },
];

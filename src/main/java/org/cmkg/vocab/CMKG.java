package org.cmkg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Vocabulary of the Critical Minerals Knowledge Graph ontology ({@code ontology/ontology.ttl}), in the
 * style of Jena's {@code DCTerms} and {@code TextVocab}: the namespace, one constant per class, property
 * and controlled value, the base IRIs of entities and named graphs, and the named graphs themselves.
 *
 * <p>{@code CMKGTest} checks that every constant is declared in the ontology and that every term of the
 * ontology has a constant here, so this class and the ontology cannot drift apart.
 *
 * <pre>{@code
 * model.listSubjectsWithProperty(CMKG.about, CMKG.id("country", "ukraine"));
 * }</pre>
 */
public final class CMKG {

    /** The ontology namespace, {@value}. */
    public static final String NS = "https://w3id.org/cmkg/ontology#";
    /** The ontology IRI, {@value}. */
    public static final String ONTOLOGY_IRI = "https://w3id.org/cmkg/ontology";
    /** The version IRI of the ontology this class matches, {@value}. */
    public static final String ONTOLOGY_VERSION_IRI = "https://w3id.org/cmkg/ontology/0.1.0";
    /** The namespace of the SHACL shapes, {@value}. */
    public static final String SHAPES_NS = "https://w3id.org/cmkg/shapes#";
    /** Base of every entity, document, claim and concept IRI ({@code id:}), {@value}. */
    public static final String ID = "https://w3id.org/cmkg/id/";
    /** Base of the named-graph IRIs ({@code graph:}), {@value}. */
    public static final String GRAPH = "https://w3id.org/cmkg/graph/";

    /** The namespace as a resource. */
    public static final Resource NAMESPACE = ResourceFactory.createResource(NS);

    // ---- Named graphs (docs/modelling.md, "Named graphs") ----

    /** Graph of {@code ontology/ontology.ttl}. */
    public static final Node GRAPH_ONTOLOGY = graph("ontology");
    /** Graph of {@code ontology/shapes.ttl}. */
    public static final Node GRAPH_SHAPES = graph("shapes");
    /** Graph of {@code rdf-data/entities.trig}: neutral reference entities. */
    public static final Node GRAPH_ENTITIES = graph("entities");
    /** Graph of {@code rdf-data/disagreements.trig}: the editorial record of disagreements. */
    public static final Node GRAPH_DISAGREEMENTS = graph("disagreements");
    /** Graph of what the paper by Gao and Zhang (2025) asserts. */
    public static final Node GRAPH_GAO_ZHANG_2025 = graph("gao-zhang-2025");
    /** Graph of what the paper by Wang (2025) asserts. */
    public static final Node GRAPH_WANG_2025 = graph("wang-2025");

    // ---- Classes ----

    /** A published research document (report, article, excerpt) whose assertions are encoded as claims. */
    public static final Resource Document = resource("Document");
    /** A section or table of a document: the common superclass of cmkg:Section and cmkg:Table, and the range of cmkg:inSection. */
    public static final Resource DocumentPart = resource("DocumentPart");
    /** A section, subsection or the abstract of a document, following the document's own numbering. */
    public static final Resource Section = resource("Section");
    /** A table of a document; each of its rows yields one or more claims that are cmkg:inSection the table. */
    public static final Resource Table = resource("Table");
    /** One assertion made by a document, stored in that document's named graph. */
    public static final Resource Claim = resource("Claim");
    /** A number stated by a claim, normalised to base units (万 = 10^4, 亿 = 10^8; percentages stay percentages). */
    public static final Resource Quantity = resource("Quantity");
    /** A constraint or risk that a document names (for example 地缘冲突影响, geopolitical conflict), stored in that document's graph as id:constraint/{doc}/{key}. */
    public static final Resource Constraint = resource("Constraint");
    /** An editorial record, in graph:disagreements, that two or more claims (cmkg:involvesClaim) contradict or diverge, with its cmkg:disagreementKind and cmkg:disagreementScope and an explanatory skos:note. */
    public static final Resource Disagreement = resource("Disagreement");
    /** A geographic feature the documents talk about: a country, bloc, world region, sub-national region or site. */
    public static final Resource Place = resource("Place");
    /** A sovereign state, present or historical (e.g. the Soviet Union). */
    public static final Resource Country = resource("Country");
    /** A political and economic union of states treated as a place, such as the European Union. */
    public static final Resource Bloc = resource("Bloc");
    /** The whole world (id:region/world, used as cmkg:shareOf for shares of world totals) or a multi-country region such as Central Asia, Latin America, Africa or Eastern Europe. */
    public static final Resource WorldRegion = resource("WorldRegion");
    /** A region within a country: an administrative unit (oblast, county), a historical or economic region (Donbas), a broad part of a country (eastern Ukraine, southern China) or an area defined by control or conflict (Russian-held territory). */
    public static final Resource SubnationalRegion = resource("SubnationalRegion");
    /** A specific located thing: a mining area, an industrial park, a plant or project site, a transport corridor or a building. */
    public static final Resource Site = resource("Site");
    /** An organisation, government or collective actor, including the documents' unnamed 'public sources' (id:org/public-sources). */
    public static final Resource Organisation = resource("Organisation");
    /** A national government, an administration, or a government agency or corporation (USGS, DFC, the US government, the Trump administration). */
    public static final Resource GovernmentAgency = resource("GovernmentAgency");
    /** A business enterprise, such as a mining or materials company. */
    public static final Resource Company = resource("Company");
    /** A credit rating agency that publishes research (e.g. 联合资信); its departments are plain organisations. */
    public static final Resource RatingAgency = resource("RatingAgency");
    /** A university, academy or research institute. */
    public static final Resource ResearchInstitution = resource("ResearchInstitution");
    /** An intergovernmental organisation, forum or diplomatic platform (IAEA, G7, C5+1). */
    public static final Resource InternationalOrganisation = resource("InternationalOrganisation");
    /** An investment fund set up by an instrument (see cmkg:establishes), such as the United States–Ukraine Reconstruction Investment Fund. */
    public static final Resource Fund = resource("Fund");
    /** A person: an author (with schema:affiliation to an organisation) or a person the documents mention. */
    public static final Resource Person = resource("Person");
    /** A legal or policy instrument: an agreement, memorandum, law, executive order, strategy, programme or policy tool (quota, export duty, list). */
    public static final Resource Instrument = resource("Instrument");
    /** An agreement between parties, or a draft of one (e.g. the US–Ukraine Reconstruction Investment Fund agreement). */
    public static final Resource Agreement = resource("Agreement");
    /** A memorandum of intent or understanding preceding an agreement. */
    public static final Resource Memorandum = resource("Memorandum");
    /** An act or regulation adopted by a legislature (e.g. the CHIPS and Science Act, the EU Critical Raw Materials Act). */
    public static final Resource Law = resource("Law");
    /** An order issued by a head of government, such as US Executive Order 13817 (number in cmkg:executiveOrderNumber). */
    public static final Resource ExecutiveOrder = resource("ExecutiveOrder");
    /** A strategy, plan or declared policy line (Victory Plan, supply-chain resilience plan, America First, friend-shoring). */
    public static final Resource Strategy = resource("Strategy");
    /** A government programme carried out over time (e.g. China's 'urban mining' programme). */
    public static final Resource Programme = resource("Programme");
    /** One provision of an agreement (equal shares, a contribution, tax treatment, use of profits, priority rights, ownership, governance control), cmkg:termOf the agreement and classified by cmkg:termType. */
    public static final Resource AgreementTerm = resource("AgreementTerm");
    /** Something that happened: a proposal, a draft demand, a meeting, a publication, a signing, a war, an annexation, an investigation, a privatisation. */
    public static final Resource Event = resource("Event");
    /** A mineral, element, group of elements, ore, deposit type or product, as a concept in scheme id:scheme/materials (skos:broader for the hierarchy, e.g. neodymium → light rare earths → rare earths → critical minerals). */
    public static final Resource Material = resource("Material");
    /** A chemical element, with cmkg:elementSymbol and cmkg:atomicNumber. */
    public static final Resource Element = resource("Element");
    /** A group of elements treated together, such as the rare earths, light rare earths or heavy rare earths. */
    public static final Resource ElementGroup = resource("ElementGroup");
    /** A mineral mined for the elements it contains, such as monazite, xenotime or bastnäsite. */
    public static final Resource Ore = resource("Ore");
    /** A geological type of deposit, such as weathered-crust ion-adsorption clays or hard-rock ores. */
    public static final Resource DepositType = resource("DepositType");
    /** A processed material or product: rare-earth oxide, NdFeB magnets, magnetic, catalytic, hydrogen-storage and luminescent materials, scrap magnets. */
    public static final Resource Product = resource("Product");
    /** A stage of the mineral value chain (exploration, mining, separation and refining, processing, recycling), in scheme id:scheme/value-chain; cmkg:order gives the upstream-to-downstream sequence. */
    public static final Resource ValueChainStage = resource("ValueChainStage");
    /** An industry or field of application (new energy, national defence, electronics ...), in scheme id:scheme/sectors. */
    public static final Resource Sector = resource("Sector");
    /** A technique or technology (electrokinetic mining, cascade solvent extraction, rare-earth-free motors ...), in scheme id:scheme/technologies. */
    public static final Resource Technology = resource("Technology");
    /** A theme of debate (supply-chain security, de-risking, circular economy, minerals for aid ...), in scheme id:scheme/topics. */
    public static final Resource Topic = resource("Topic");
    /** What a quantity measures (reserves, production, capacity share, cost ratio, duration ...), in scheme id:scheme/measures; the value of cmkg:measure. */
    public static final Resource Measure = resource("Measure");
    /** The kind of assertion a claim makes; the values are in cmkg:ClaimKindScheme. */
    public static final Resource ClaimKind = resource("ClaimKind");
    /** The time horizon a claim speaks of, where the text gives one; the values are in cmkg:TimeHorizonScheme. */
    public static final Resource TimeHorizon = resource("TimeHorizon");
    /** How the source qualifies a number (about, more than, less than ...); the values are in cmkg:QualifierScheme. */
    public static final Resource Qualifier = resource("Qualifier");
    /** A category of constraint or risk; the values are in cmkg:ConstraintCategoryScheme. */
    public static final Resource ConstraintCategory = resource("ConstraintCategory");
    /** The nature of a disagreement between claims; the values are in cmkg:DisagreementKindScheme. */
    public static final Resource DisagreementKind = resource("DisagreementKind");
    /** Whether the disagreeing claims come from different documents or from one; the values are in cmkg:DisagreementScopeScheme. */
    public static final Resource DisagreementScope = resource("DisagreementScope");
    /** The type of an event; the values are in cmkg:EventTypeScheme. */
    public static final Resource EventType = resource("EventType");
    /** The type of an agreement term; the values are in cmkg:TermTypeScheme. */
    public static final Resource TermType = resource("TermType");

    // ---- Properties ----

    /** The authors' names exactly in the order and form printed on the document, e.g. "高星、张垌"@zh. */
    public static final Property authorList = property("authorList");
    /** The number of a section or table as printed, e.g. "三、1" or "表 1". */
    public static final Property sectionNumber = property("sectionNumber");
    /** Position in a sequence, counted from 1: reading order within the document for claims and for sections and tables; upstream-to-downstream order for value-chain stages. */
    public static final Property order = property("order");
    /** The claim's assertion as one self-contained sentence, in Chinese (@zh, close to the document's wording, pronouns resolved) and in a faithful English rendering (@en). */
    public static final Property statement = property("statement");
    /** The kind of assertion: cmkg:Fact, cmkg:Estimate, cmkg:Assessment, cmkg:Forecast or cmkg:Recommendation. */
    public static final Property claimKind = property("claimKind");
    /** The horizon the claim speaks of, only where the text says it: 短期 → cmkg:ShortTerm; 中长期 → cmkg:MediumTerm and cmkg:LongTerm; 长期 → cmkg:LongTerm. */
    public static final Property timeHorizon = property("timeHorizon");
    /** An entity the claim is about: a country, region, material, instrument, agreement term, organisation, person, event, constraint, measure, sector, technology, topic or stage. */
    public static final Property about = property("about");
    /** The event whose date, period or occurrence the claim asserts; the date itself is cmkg:eventDate on the claim. */
    public static final Property aboutEvent = property("aboutEvent");
    /** The date the claim gives for its cmkg:aboutEvent, exactly as precise as the text: xsd:date (2025-04-30), xsd:gYearMonth (2024-09) or xsd:gYear (2017). */
    public static final Property eventDate = property("eventDate");
    /** Start of the period a claim or quantity refers to (xsd:gYear, xsd:gYearMonth or xsd:date), e.g. 2017 in '2017 至 2025 年'. */
    public static final Property periodStart = property("periodStart");
    /** End of the period a claim or quantity refers to (xsd:gYear, xsd:gYearMonth or xsd:date). */
    public static final Property periodEnd = property("periodEnd");
    /** The organisation or source the document attributes the claim to, e.g. id:org/usgs, id:org/iaea, or id:org/public-sources for 资料来源：公开资料. */
    public static final Property citedSource = property("citedSource");
    /** The document's footnote marker attached to the quoted text, as printed without the caret, e.g. "[3]". */
    public static final Property citationMarker = property("citationMarker");
    /** The section or table of the document where the claim's text sits (the innermost one). */
    public static final Property inSection = property("inSection");
    /** A number the claim states, as a cmkg:Quantity (hash IRI #q1, #q2 . */
    public static final Property hasQuantity = property("hasQuantity");
    /** What the quantity measures: a concept of scheme id:scheme/measures (reserves, production, capacity share ...). */
    public static final Property measure = property("measure");
    /** How the source qualifies the number: cmkg:Approximately (约), cmkg:MoreThan (超/逾/超过/高于), cmkg:LessThan (不足/低于), cmkg:Reaching (达), cmkg:UpTo (可达), cmkg:Nearly (近/几乎), cmkg:AtMost (前N位), cmkg:Exactly (no qualifier). */
    public static final Property qualifier = property("qualifier");
    /** Whose quantity it is: the country, organisation, fund, region or project the number belongs to. */
    public static final Property ofEntity = property("ofEntity");
    /** The material the quantity counts, e.g. id:material/rare-earth-oxide for tonnes of REO. */
    public static final Property ofMaterial = property("ofMaterial");
    /** Where the quantity applies, when that differs from cmkg:ofEntity (e.g. production of Ukraine in the Donbas region). */
    public static final Property place = property("place");
    /** For shares: the whole the quantity is a share of; id:region/world for shares of world totals, id:country/ukraine for a share of Ukraine's own resources. */
    public static final Property shareOf = property("shareOf");
    /** The year (xsd:gYear) or month (xsd:gYearMonth) the quantity refers to, e.g. "2023"^^xsd:gYear for USGS 2023 data. */
    public static final Property referenceYear = property("referenceYear");
    /** The number exactly as printed (extraction noise removed), e.g. "约50万吨", "1/4", "5−10年". */
    public static final Property sourceExpression = property("sourceExpression");
    /** A category of the constraint (one or more), from cmkg:ConstraintCategoryScheme. */
    public static final Property constraintCategory = property("constraintCategory");
    /** What the constraint constrains, of any kind; the super-property of cmkg:constrainsPlace, cmkg:constrainsMaterial, cmkg:constrainsStage and cmkg:constrainsInstrument (the data uses the specific ones). */
    public static final Property constrains = property("constrains");
    /** The place whose development the constraint limits. */
    public static final Property constrainsPlace = property("constrainsPlace");
    /** The material whose development the constraint limits. */
    public static final Property constrainsMaterial = property("constrainsMaterial");
    /** The value-chain stage the constraint limits (e.g. separation and refining). */
    public static final Property constrainsStage = property("constrainsStage");
    /** The agreement or policy whose implementation the constraint limits. */
    public static final Property constrainsInstrument = property("constrainsInstrument");
    /** Containment in a larger whole of the same kind: a place in a larger place (id:region/donetsk-oblast cmkg:partOf id:region/donbas), a department in its organisation, an episode in a larger event. */
    public static final Property partOf = property("partOf");
    /** Who holds or controls a place, as a document asserts it (e.g. Russian-held parts of Ukraine cmkg:controlledBy id:country/russia). */
    public static final Property controlledBy = property("controlledBy");
    /** The place where an organisation is based or an event happened (places themselves use cmkg:partOf). */
    public static final Property locatedIn = property("locatedIn");
    /** An ISO 3166 code of the place: alpha-2 ("UA"), alpha-3 ("UKR"), numeric ("804") or subdivision code ("UA-14"); also the exceptionally reserved "EU". */
    public static final Property isoCode = property("isoCode");
    /** The six-digit administrative division code of a Chinese place (GB/T 2260), e.g. "370832" for Liangshan County. */
    public static final Property cnAdminCode = property("cnAdminCode");
    /** The chemical symbol of an element, e.g. "Nd". */
    public static final Property elementSymbol = property("elementSymbol");
    /** The atomic number of an element, e.g. 60 for neodymium. */
    public static final Property atomicNumber = property("atomicNumber");
    /** A party to an agreement or memorandum (one triple per party), or a participant in an event. */
    public static final Property party = property("party");
    /** An organisation or fund that the instrument sets up, e.g. the agreement establishes the Reconstruction Investment Fund. */
    public static final Property establishes = property("establishes");
    /** The agreement (or memorandum, or draft) the term is a provision of. */
    public static final Property termOf = property("termOf");
    /** What kind of provision the term is, from cmkg:TermTypeScheme. */
    public static final Property termType = property("termType");
    /** What kind of event it is, from cmkg:EventTypeScheme. */
    public static final Property eventType = property("eventType");
    /** What an event is about: the instrument proposed, drafted, negotiated, published or signed, or the subject of an investigation. */
    public static final Property concerns = property("concerns");
    /** The number of the US Congress bill that enacted the law, with the Congress, e.g. "H.R.4346 (117th Congress)". */
    public static final Property usBillNumber = property("usBillNumber");
    /** The number of an EU regulation, e.g. "2024/1252". */
    public static final Property euRegulationNumber = property("euRegulationNumber");
    /** The CELEX identifier of an EU legal act in EUR-Lex, e.g. "32024R1252". */
    public static final Property celexNumber = property("celexNumber");
    /** The number of a US executive order, e.g. "13817". */
    public static final Property executiveOrderNumber = property("executiveOrderNumber");
    /** The nature of the disagreement, from cmkg:DisagreementKindScheme. */
    public static final Property disagreementKind = property("disagreementKind");
    /** cmkg:CrossDocument when the claims come from different documents, cmkg:WithinDocument when a document disagrees with itself. */
    public static final Property disagreementScope = property("disagreementScope");
    /** A claim taking part in the disagreement (at least two per disagreement). */
    public static final Property involvesClaim = property("involvesClaim");
    /** A direct link between two claims recorded as disagreeing; stated in both directions in graph:disagreements. */
    public static final Property disagreesWith = property("disagreesWith");

    // ---- Concept schemes of controlled values ----

    /** The kinds of assertion a claim can make (values of cmkg:claimKind). */
    public static final Resource ClaimKindScheme = resource("ClaimKindScheme");
    /** Time horizons a claim may speak of (values of cmkg:timeHorizon). */
    public static final Resource TimeHorizonScheme = resource("TimeHorizonScheme");
    /** How a source qualifies a number (values of cmkg:qualifier). */
    public static final Resource QualifierScheme = resource("QualifierScheme");
    /** Categories of constraints and risks (values of cmkg:constraintCategory). */
    public static final Resource ConstraintCategoryScheme = resource("ConstraintCategoryScheme");
    /** Natures of disagreement between claims (values of cmkg:disagreementKind). */
    public static final Resource DisagreementKindScheme = resource("DisagreementKindScheme");
    /** Whether a disagreement is between documents or within one (values of cmkg:disagreementScope). */
    public static final Resource DisagreementScopeScheme = resource("DisagreementScopeScheme");
    /** Types of events (values of cmkg:eventType). */
    public static final Resource EventTypeScheme = resource("EventTypeScheme");
    /** Types of agreement provisions (values of cmkg:termType). */
    public static final Resource TermTypeScheme = resource("TermTypeScheme");

    // ---- Controlled values ----

    /** A reported fact or figure, stated without hedging (dates, data attributed to a source, events). */
    public static final Resource Fact = resource("Fact");
    /** A number the document itself estimates or presents as rough (约 estimates of its own, 或将, 按…估算). */
    public static final Resource Estimate = resource("Estimate");
    /** A judgement or interpretation by the document (causes, significance, comparisons). */
    public static final Resource Assessment = resource("Assessment");
    /** An outlook on what will or may happen (短期内难以…, 可能…). */
    public static final Resource Forecast = resource("Forecast");
    /** A recommendation or warning (需警惕, 应…). */
    public static final Resource Recommendation = resource("Recommendation");
    /** The short term, as the text says it (短期, 短期内, 现阶段). */
    public static final Resource ShortTerm = resource("ShortTerm");
    /** The medium term (中期; 中长期 is encoded as both medium and long term). */
    public static final Resource MediumTerm = resource("MediumTerm");
    /** The long term (长期, 中长期). */
    public static final Resource LongTerm = resource("LongTerm");
    /** The text gives the number without any qualifier. */
    public static final Resource Exactly = resource("Exactly");
    /** About the stated value (约). */
    public static final Resource Approximately = resource("Approximately");
    /** Above the stated value (超, 逾, 超过, 高于). */
    public static final Resource MoreThan = resource("MoreThan");
    /** Below the stated value (不足, 低于). */
    public static final Resource LessThan = resource("LessThan");
    /** Reaching the stated value, stressing its size (达). */
    public static final Resource Reaching = resource("Reaching");
    /** Can reach the stated value at best (可达). */
    public static final Resource UpTo = resource("UpTo");
    /** Close to, and slightly below, the stated value (近, 几乎). */
    public static final Resource Nearly = resource("Nearly");
    /** The stated value is an upper bound, as in a rank 'within the top N' (前N位). */
    public static final Resource AtMost = resource("AtMost");
    /** War, occupation, front lines, security risks and political opposition by other states. */
    public static final Resource GeopoliticalConflict = resource("GeopoliticalConflict");
    /** Missing or weak technology, such as separation and refining capacity. */
    public static final Resource Technological = resource("Technological");
    /** Environmental standards, radioactive-waste handling, permitting and compliance with other jurisdictions' rules. */
    public static final Resource EnvironmentalRegulatory = resource("EnvironmentalRegulatory");
    /** Outdated, missing or unreliable geological and reserve data. */
    public static final Resource DataGap = resource("DataGap");
    /** Damaged or missing infrastructure, power and logistics, unstable energy supply. */
    public static final Resource InfrastructureEnergy = resource("InfrastructureEnergy");
    /** High investment needs, costs, weak investor appetite or limited capital. */
    public static final Resource Financial = resource("Financial");
    /** Long development, approval or lead times before output. */
    public static final Resource TimeCycle = resource("TimeCycle");
    /** Institutional weaknesses: corruption, weak property rights, opaque regulation, complex licensing, lack of trust. */
    public static final Resource Governance = resource("Governance");
    /** Market-side constraints and risks: prices, pricing power, demand, low added value of exports. */
    public static final Resource Market = resource("Market");
    /** The claims give different dates for the same event. */
    public static final Resource DateDiscrepancy = resource("DateDiscrepancy");
    /** The claims give different numbers for the same measure of the same thing. */
    public static final Resource NumericDiscrepancy = resource("NumericDiscrepancy");
    /** Figures that look comparable but measure different things (different materials, areas or bases). */
    public static final Resource ScopeDifference = resource("ScopeDifference");
    /** The claims classify the same thing differently (e.g. which ore types a region has). */
    public static final Resource ClassificationDiscrepancy = resource("ClassificationDiscrepancy");
    /** The claims judge or interpret the same matter differently. */
    public static final Resource InterpretiveDivergence = resource("InterpretiveDivergence");
    /** The disagreeing claims come from different documents. */
    public static final Resource CrossDocument = resource("CrossDocument");
    /** A document disagrees with itself (e.g. its text and its table). */
    public static final Resource WithinDocument = resource("WithinDocument");
    /** A party puts forward an idea or plan (e.g. minerals for aid in the Victory Plan). */
    public static final Resource Proposal = resource("Proposal");
    /** A party tables a draft text or its demands in a negotiation. */
    public static final Resource Drafting = resource("Drafting");
    /** The parties reach agreement on the substance before signing. */
    public static final Resource AgreementInPrinciple = resource("AgreementInPrinciple");
    /** A meeting between leaders or delegations. */
    public static final Resource Meeting = resource("Meeting");
    /** A text is made public (e.g. the memorandum of intent). */
    public static final Resource Publication = resource("Publication");
    /** The parties sign an agreement. */
    public static final Resource Signing = resource("Signing");
    /** A war or armed conflict. */
    public static final Resource ArmedConflict = resource("ArmedConflict");
    /** A military invasion of one state by another. */
    public static final Resource Invasion = resource("Invasion");
    /** A state takes territory of another state under its control. */
    public static final Resource Annexation = resource("Annexation");
    /** An official inquiry or investigation (e.g. into the national-security effects of imports). */
    public static final Resource Investigation = resource("Investigation");
    /** A programme transferring state enterprises to private ownership. */
    public static final Resource Privatisation = resource("Privatisation");
    /** How ownership of or contributions to a fund are split between the parties (e.g. 50:50). */
    public static final Resource EquityShares = resource("EquityShares");
    /** What a party contributes and from which source. */
    public static final Resource Contribution = resource("Contribution");
    /** How the fund or its income is taxed (e.g. exemption). */
    public static final Resource TaxTreatment = resource("TaxTreatment");
    /** What the fund's profits are used for and for how long. */
    public static final Resource UseOfProfits = resource("UseOfProfits");
    /** Preferential rights granted to one party (e.g. first rights to explore and co-develop). */
    public static final Resource PriorityRights = resource("PriorityRights");
    /** Who owns the natural resources concerned. */
    public static final Resource ResourceOwnership = resource("ResourceOwnership");
    /** Arrangements for how the fund is governed and run (technical standards, board mechanism), whoever they favour. */
    public static final Resource GovernanceControl = resource("GovernanceControl");

    private CMKG() {}

    /** The IRI of a named graph: {@code graph("wang-2025")} is {@code https://w3id.org/cmkg/graph/wang-2025}. */
    public static Node graph(String name) {
        return NodeFactory.createURI(GRAPH + name);
    }

    /** The IRI of an entity: {@code id("country", "ukraine")} is {@code https://w3id.org/cmkg/id/country/ukraine}. */
    public static Resource id(String kind, String key) {
        return ResourceFactory.createResource(ID + kind + "/" + key);
    }

    private static Resource resource(String localName) {
        return ResourceFactory.createResource(NS + localName);
    }

    private static Property property(String localName) {
        return ResourceFactory.createProperty(NS, localName);
    }
}

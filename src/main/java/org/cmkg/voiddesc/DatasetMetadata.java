package org.cmkg.voiddesc;

import java.util.Optional;

/**
 * The editorial facts about the dataset that the data itself does not state: its name, what it
 * is, its licence and publisher. Version and first issue date come from the ontology in the data
 * ({@code owl:versionInfo}, {@code dcterms:created}); the modification date from the live data.
 */
public record DatasetMetadata(
        String titleEn, String titleZh, String descriptionEn, String descriptionZh,
        String license, String publisherName, String publisherHomepage) {

    /** CC BY 4.0, published by the cmkg project. */
    public static DatasetMetadata defaults() {
        return new DatasetMetadata(
                "Critical Minerals Knowledge Graph",
                "关键矿产知识图谱",
                "Claims of research documents on critical minerals, each with the exact quote it comes from, its statement in "
                        + "Chinese and English, the entities it is about and its numbers as typed quantities with units; "
                        + "reference entities linked to Wikidata and GeoNames; recorded disagreements between documents.",
                "关键矿产研究文献中的论断：每条论断附有原文引文、中英文陈述、所涉及的实体以及带单位的量值；参考实体链接到 Wikidata 和 GeoNames；并记录文献之间的分歧。",
                "https://creativecommons.org/licenses/by/4.0/",
                "Critical Minerals Knowledge Graph project (cmkg)",
                null);
    }

    public Optional<String> homepage() {
        return Optional.ofNullable(publisherHomepage);
    }
}

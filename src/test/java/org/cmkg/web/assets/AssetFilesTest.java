package org.cmkg.web.assets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which names the asset folders look up at all: files below the folder, nothing else. */
class AssetFilesTest {
    @Test
    void onlyFileNamesBelowTheFolderAreLookedUp() {
        for (String name : new String[] {"site.css", "messages/zh.json", "leaflet/1.9.4/dist/images/marker-icon.png"})
            assertTrue(AssetFiles.isFileName(name), name);
        for (String name : new String[] {"", "/site.css", "../Main.class", "a/../../b.css", "./site.css", "a//b.css", "messages",
                "messages/", "a\\b.css", ".hidden", "a/./b.css"})
            assertFalse(AssetFiles.isFileName(name), name);
    }
}

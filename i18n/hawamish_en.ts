<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English needs a translation file only for its plural forms: the source strings are English already,
     but "%Ln highlight(s)" must read "1 highlight" and "3 highlights" (Qt's numerus forms). -->
<TS version="2.1" language="en">
    <context>
        <name>AnnotationPanel</name>
        <message numerus="yes">
            <source>%Ln highlight(s)</source>
            <translation>
                <numerusform>%Ln highlight</numerusform>
                <numerusform>%Ln highlights</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Orphans: %Ln highlight(s) whose passage is no longer in the text</source>
            <translation>
                <numerusform>Orphans: %Ln highlight whose passage is no longer in the text</numerusform>
                <numerusform>Orphans: %Ln highlights whose passages are no longer in the text</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ArticleTagsDialog</name>
        <message numerus="yes">
            <source>Tags of %Ln selected article(s):</source>
            <translation>
                <numerusform>Tags of the selected article:</numerusform>
                <numerusform>Tags of %Ln selected articles:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BackupFlow</name>
        <message numerus="yes">
            <source>Backup of %Ln article(s) saved to %1</source>
            <translation>
                <numerusform>Backup of %Ln article saved to %1</numerusform>
                <numerusform>Backup of %Ln articles saved to %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CollectionsController</name>
        <message numerus="yes">
            <source>Its %Ln article(s) stay in the library.</source>
            <translation>
                <numerusform>Its %Ln article stays in the library.</numerusform>
                <numerusform>Its %Ln articles stay in the library.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CollectionsPanel</name>
        <message numerus="yes">
            <source>%Ln article(s)</source>
            <translation>
                <numerusform>%Ln article</numerusform>
                <numerusform>%Ln articles</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportFlow</name>
        <message numerus="yes">
            <source>The import was cancelled; %Ln file(s) were not read.</source>
            <translation>
                <numerusform>The import was cancelled; %Ln file was not read.</numerusform>
                <numerusform>The import was cancelled; %Ln files were not read.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Metadata from %Ln table(s)</source>
            <translation>
                <numerusform>Metadata from %Ln table</numerusform>
                <numerusform>Metadata from %Ln tables</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s) of the metadata table matched no file</source>
            <translation>
                <numerusform>%Ln row of the metadata table matched no file</numerusform>
                <numerusform>%Ln rows of the metadata table matched no file</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) had no row in the metadata table</source>
            <translation>
                <numerusform>%Ln file had no row in the metadata table</numerusform>
                <numerusform>%Ln files had no row in the metadata table</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LibraryActions</name>
        <message numerus="yes">
            <source>%Ln article(s)</source>
            <translation>
                <numerusform>%Ln article</numerusform>
                <numerusform>%Ln articles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln highlight(s)</source>
            <translation>
                <numerusform>%Ln highlight</numerusform>
                <numerusform>%Ln highlights</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message numerus="yes">
            <source>%Ln result(s)</source>
            <translation>
                <numerusform>%Ln result</numerusform>
                <numerusform>%Ln results</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CompareController</name>
        <message numerus="yes">
            <source>%Ln column(s)</source>
            <translation>
                <numerusform>%Ln column</numerusform>
                <numerusform>%Ln columns</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln passage(s)</source>
            <translation>
                <numerusform>%Ln passage</numerusform>
                <numerusform>%Ln passages</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PassageColumn</name>
        <message numerus="yes">
            <source>%Ln passage(s)</source>
            <translation>
                <numerusform>%Ln passage</numerusform>
                <numerusform>%Ln passages</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TagManager</name>
        <message numerus="yes">
            <source>Merge %n tag(s) into (an existing tag or a new name):</source>
            <translation>
                <numerusform>Merge the tag into (an existing tag or a new name):</numerusform>
                <numerusform>Merge %n tags into (an existing tag or a new name):</numerusform>
            </translation>
        </message>
    </context>
</TS>

package org.ctoforum.search.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.ctoforum.platform.searchable.SearchDocument;

/** Turns a {@link SearchDocument} into the Lucene document the index holds, with its facets. */
public final class LuceneDocuments {

    /** Text with offsets in the postings, so snippets need no re-analysis of long PDF text. */
    private static final FieldType HIGHLIGHTED = highlighted();

    /**
     * The words "did you mean" draws on, for every item: a candidate spelling is offered only if an item this reader
     * may see holds it, so the fields need no positions or frequencies, just which items hold each word.
     */
    private static final FieldType SPELLING = spelling();

    private static final FacetsConfig FACETS = facets();

    private LuceneDocuments() {}

    public static FacetsConfig facetsConfig() {
        return FACETS;
    }

    public static Document toLucene(SearchDocument item) {
        Document doc = new Document();
        doc.add(new StringField(SearchFields.KEY, item.key(), Field.Store.YES));
        if (item.parent() != null) {
            doc.add(new StringField(SearchFields.PARENT, item.parent(), Field.Store.NO));
        }
        doc.add(new StoredField(SearchFields.TYPE, item.type()));
        doc.add(new StoredField(SearchFields.ID, item.id()));
        doc.add(new StoredField(SearchFields.SHOWN_TITLE, item.title()));
        if (item.titleSearched()) {
            doc.add(new TextField(SearchFields.TITLE, item.title(), Field.Store.NO));
        }
        doc.add(new Field(SearchFields.SUMMARY, item.summary(), HIGHLIGHTED));
        doc.add(new Field(SearchFields.BODY, item.body(), HIGHLIGHTED));
        item.topics().forEach(topic -> doc.add(new TextField(SearchFields.TOPIC, topic, Field.Store.NO)));
        if (item.author() != null) {
            doc.add(new TextField(SearchFields.AUTHOR, item.author(), Field.Store.NO));
        }
        for (String text : publicText(item)) {
            doc.add(new TextField(SearchFields.PUBLIC_TEXT, text, Field.Store.NO));
            doc.add(new TextField(SearchFields.ALL_TEXT, text, Field.Store.NO));
        }
        doc.add(new TextField(SearchFields.ALL_TEXT, item.body(), Field.Store.NO));
        doc.add(new StoredField(SearchFields.URL, item.url()));
        if (item.date() != null) {
            doc.add(new StoredField(SearchFields.DATE, item.date().toString()));
            doc.add(new NumericDocValuesField(SearchFields.DATE, item.date().toEpochDay()));
        } else {
            doc.add(new NumericDocValuesField(SearchFields.DATE, Long.MIN_VALUE));
        }
        doc.add(new StoredField(SearchFields.ACCESS, item.access()));
        doc.add(new StringField(SearchFields.GATED, Boolean.toString(item.gated()), Field.Store.YES));
        item.visibleTo().forEach(key -> doc.add(new StringField(SearchFields.VISIBLE_TO, key, Field.Store.NO)));
        item.readableBy().forEach(key -> doc.add(new StringField(SearchFields.READABLE_BY, key, Field.Store.YES)));
        if (!item.readableBy().containsAll(item.visibleTo())) {
            item.visibleTo()
                    .forEach(key -> doc.add(new StringField(SearchFields.LOCKED_VISIBLE_TO, key, Field.Store.NO)));
        }
        long release = item.releaseAt() == null
                ? Long.MIN_VALUE
                : item.releaseAt()
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .toInstant()
                        .toEpochMilli();
        doc.add(new LongPoint(SearchFields.RELEASE, release));
        for (String text : publicText(item)) {
            doc.add(new Field(SearchFields.SPELL_PUBLIC, text, SPELLING));
            doc.add(new Field(SearchFields.SPELL, text, SPELLING));
        }
        doc.add(new Field(SearchFields.SPELL, item.body(), SPELLING));
        if (item.titleSearched()) {
            doc.add(new TextField(SearchFields.SUGGEST, item.title(), Field.Store.NO));
        }
        addFacets(doc, item);
        try {
            return FACETS.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> publicText(SearchDocument item) {
        List<String> texts = new ArrayList<>();
        if (item.titleSearched()) {
            texts.add(item.title());
        }
        texts.add(item.summary());
        texts.addAll(item.topics());
        if (item.author() != null) {
            texts.add(item.author());
        }
        return texts;
    }

    private static void addFacets(Document doc, SearchDocument item) {
        doc.add(new SortedSetDocValuesFacetField(SearchFields.FACET_TYPE, item.type()));
        doc.add(new SortedSetDocValuesFacetField(SearchFields.FACET_ACCESS, item.access()));
        if (item.theme() != null) {
            doc.add(new SortedSetDocValuesFacetField(SearchFields.FACET_THEME, item.theme()));
        }
        if (item.year() != null) {
            doc.add(new SortedSetDocValuesFacetField(
                    SearchFields.FACET_YEAR, item.year().toString()));
        }
        for (String topic : Set.copyOf(item.topics())) {
            doc.add(new SortedSetDocValuesFacetField(SearchFields.FACET_TOPIC, topic));
        }
    }

    private static FieldType highlighted() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static FieldType spelling() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.setIndexOptions(IndexOptions.DOCS);
        type.freeze();
        return type;
    }

    private static FacetsConfig facets() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(SearchFields.FACET_TOPIC, true);
        return config;
    }
}

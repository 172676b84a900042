"""Linking articles collected separately: an original and its English story become one article.

`archive.linking.suggest` proposes pairs with their evidence; `archive.linking.links` confirms,
undoes and rejects them.
"""

"""Bergen kommune (4601): its goal tree, from the KPS down to the HØP.

The order matters: a branch hangs under a node an earlier branch made, and ``contributes_to``
names nodes that come earlier.
"""

from . import bergen_byliv, bergen_hop, bergen_kps, bergen_oppvekst
from .schema import DemoTree

BERGEN_TREE = DemoTree(
    municipality="4601",
    branches=(
        bergen_kps.BRANCH,
        *bergen_oppvekst.BRANCHES,
        *bergen_byliv.BRANCHES,
        *bergen_hop.BRANCHES,
    ),
)

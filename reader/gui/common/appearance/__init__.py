"""How the app looks: colour themes, the reading typography, and the digits numbers are written in."""

"""The hip in motion: a kinematic model of the femur turning about its head, and what that does to
the ischiofemoral space, the quadratus femoris space and the deep rotators' lengths. No Qt here."""

/* dynlib_img.h: SDL2_image's names mapped onto the table dynlib.c fills (see dynlib.h).
   Include it after every other header. */
#ifndef RAPPORT_DYNLIB_IMG_H
#define RAPPORT_DYNLIB_IMG_H

#include "dynlib.h"

#define IMG_Load (rp_img.IMG_Load)
#define IMG_SavePNG (rp_img.IMG_SavePNG)

#endif

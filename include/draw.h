/*
 * draw.h - the pictures of a scene, drawn with SDL_RenderGeometry so that
 * every scenario has a backdrop and a face without art files.
 *
 * Everything here draws through an SDL_Renderer only, so it works the same
 * on a window's renderer and on a software renderer over an SDL_Surface
 * (headless screenshots). No function keeps state between calls.
 */
#ifndef RAPPORT_DRAW_H
#define RAPPORT_DRAW_H

#include <SDL.h>
#include <stdbool.h>
#include "scenario.h"

/*
 * The backdrop for a scenario's `setting` ("counter", "phone", "chat",
 * "office", "meeting", "warehouse"; anything else gets a neutral office),
 * filling `area`. high_contrast: flat, strong colours with little detail.
 */
void rp_draw_backdrop(SDL_Renderer *r, SDL_Rect area, const char *setting, bool high_contrast);

/*
 * The customer's face and shoulders inside `area` (about 3:4), from `look`
 * (NULL: a face chosen from `seed`, e.g. a hash of the customer's name).
 * mood runs -3 (furious) .. 3 (delighted) and may be fractional while it
 * animates; the expression (brows, eyes, mouth, colour of the cheeks)
 * follows it. reaction 0..1 is a brief reaction when mood has just changed
 * (e.g. a small nod or recoil); 0 means at rest. blink 0..1 closes the eyes.
 */
void rp_draw_portrait(SDL_Renderer *r, SDL_Rect area, const rp_look *look, unsigned seed,
                      double mood, double reaction, double blink);

#endif

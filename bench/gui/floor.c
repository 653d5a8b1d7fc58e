/*
 * floor.c - the floor for the window benchmark: the least a program can do
 * to draw the benchmark scene with SDL2 and SDL_ttf. Cached textures, an
 * event-driven loop, nothing else. Same markers on stdout as rapport.
 *
 *   cc -O2 floor.c $(pkg-config --cflags --libs sdl2 SDL2_ttf) -o floor
 *   floor FONT.ttf
 */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <string.h>

static const char *line =
    "I have been waiting three weeks for my refund, I have called twice already, and every time "
    "somebody promises me it is on its way. Can you tell me what is actually going on with my money?";
static const char *choices[4] = {
    "I'm sorry you've waited so long. Let me pull up your order now.",
    "Refunds take up to 30 days. That's our policy.",
    "Let me transfer you to billing.",
    "Please calm down.",
};

int main(int argc, char **argv)
{
    if (argc < 2 || SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0)
        return 1;
    SDL_Window *w = SDL_CreateWindow("floor", 0, 0, 1280, 720, 0);
    SDL_Renderer *r = SDL_CreateRenderer(w, -1, 0);
    TTF_Font *f = TTF_OpenFont(argv[1], 22);
    SDL_Color ink = { 30, 40, 50, 255 };
    SDL_Surface *s = TTF_RenderUTF8_Blended_Wrapped(f, line, ink, 800);
    SDL_Texture *speech = SDL_CreateTextureFromSurface(r, s);
    int sw = s->w, sh = s->h;
    SDL_FreeSurface(s);
    SDL_Texture *ct[4];
    int cw[4], ch[4];
    for (int i = 0; i < 4; i++) {
        s = TTF_RenderUTF8_Blended(f, choices[i], ink);
        ct[i] = SDL_CreateTextureFromSurface(r, s);
        cw[i] = s->w;
        ch[i] = s->h;
        SDL_FreeSurface(s);
    }
    /* the typewriter reveals the wrapped text row by row, left to right */
    int rows = sh / TTF_FontLineSkip(f), chars = (int)strlen(line);
    Uint32 start = 0;
    long frames = 0;
    int typed_reported = 0, running = 1;
    while (running) {
        double t = start ? (SDL_GetTicks() - start) / 1000.0 : 0;
        double shown = t * 55.0 / chars;          /* 55 characters a second */
        if (shown > 1) shown = 1;
        SDL_SetRenderDrawColor(r, 200, 210, 215, 255);
        SDL_RenderClear(r);
        SDL_Rect counter = { 0, 500, 1280, 220 };
        SDL_SetRenderDrawColor(r, 150, 120, 90, 255);
        SDL_RenderFillRect(r, &counter);
        SDL_Vertex face[3] = { { { 200, 150 }, { 230, 180, 150, 255 }, { 0, 0 } },
                               { { 120, 400 }, { 230, 180, 150, 255 }, { 0, 0 } },
                               { { 280, 400 }, { 230, 180, 150, 255 }, { 0, 0 } } };
        SDL_RenderGeometry(r, NULL, face, 3, NULL, 0);
        double rows_shown = shown * rows;
        for (int row = 0; row < rows; row++) {
            double part = rows_shown - row;
            if (part <= 0) break;
            if (part > 1) part = 1;
            int lh = sh / rows;
            SDL_Rect src = { 0, row * lh, (int)(sw * part), lh };
            SDL_Rect dst = { 420, 100 + row * lh, src.w, lh };
            SDL_RenderCopy(r, speech, &src, &dst);
        }
        if (shown >= 1)
            for (int i = 0; i < 4; i++) {
                SDL_Rect b = { 420, 330 + i * 62, 820, 52 };
                SDL_SetRenderDrawColor(r, 250, 250, 250, 255);
                SDL_RenderFillRect(r, &b);
                SDL_Rect d = { 480, b.y + 13, cw[i], ch[i] };
                SDL_RenderCopy(r, ct[i], NULL, &d);
            }
        SDL_RenderPresent(r);
        if (frames++ == 0) {
            start = SDL_GetTicks();
            printf("first-frame\n");
            fflush(stdout);
        }
        if (shown >= 1 && !typed_reported) {
            typed_reported = 1;
            printf("typed %ld frames\n", frames);
            fflush(stdout);
        }
        SDL_Event e;
        int got = shown < 1 ? SDL_WaitEventTimeout(&e, 16) : SDL_WaitEvent(&e);
        if (got && e.type == SDL_QUIT)
            running = 0;
    }
    SDL_Quit();
    return 0;
}

import type { daylogEn } from './daylog-messages.ts';

// review: written by machine, to be checked by a fluent speaker.
export const daylogFr: Record<keyof typeof daylogEn, string> = {
  'daylog.intro': 'Touche ce qui correspond. Tout est facultatif.', // review:
  'daylog.flow': 'Saignements', // review:
  'daylog.pain': 'Douleur', // review:
  'daylog.mood': 'Humeur', // review:
  'daylog.symptoms': 'Corps', // review:
  'daylog.more_symptoms': 'Autres symptômes', // review:
  'daylog.note': 'Note (facultatif)', // review:
  'daylog.advanced': 'Avancé : énergie, sommeil, température, pertes', // review:
  'daylog.advanced_hint': 'Affiche-le ou cache-le : ce téléphone retient ton choix.', // review:
  'daylog.advanced_filled': 'Certains de ces champs sont remplis pour ce jour.', // review:
  'daylog.temp_invalid': 'Écris une température entre 34 et 42 °C, par exemple 36,5.', // review:
  'daylog.sleep_invalid': 'Écris tes heures de sommeil, entre 0 et 24.', // review:
  'daylog.saved': 'Enregistré. Tu peux le changer quand tu veux.', // review:

  'history.chart_label.one':
    'Graphique de la durée de ton cycle, avec ta durée habituelle. Le tableau ci-dessous donne le nombre.', // review:
  'history.chart_label.other':
    'Graphique de la durée de tes {n} derniers cycles, avec ta durée habituelle. Le tableau ci-dessous donne chaque nombre.', // review:
  'history.usual.one': 'Ta durée habituelle : de {low} à {n} jour.', // review:
  'history.usual.other': 'Ta durée habituelle : de {low} à {n} jours.', // review:
  'history.unusual_legend': 'Différent de d’habitude', // review:
  'history.days_axis': 'jours', // review:
  'history.recent_only.one': 'Le graphique montre ton dernier cycle ; le tableau les liste tous.', // review:
  'history.recent_only.other': 'Le graphique montre tes {n} derniers cycles ; le tableau les liste tous.', // review:
  'history.table_caption': 'Tes cycles, du plus ancien au plus récent', // review:
  'history.col_start': 'Début', // review:
  'history.col_length': 'Durée', // review:
  'history.col_note': 'Par rapport à d’habitude', // review:
  'history.in_range': 'Habituel', // review:
  'history.longer': 'Plus long que d’habitude', // review:
  'history.shorter': 'Plus court que d’habitude', // review:
  'history.symptoms_hint': 'Dans combien des cycles où tu as noté des jours, tu as noté chaque symptôme.', // review:
  'history.symptom_cycles.one': '{count} sur {total} cycle', // review:
  'history.symptom_cycles.other': '{count} sur {total} cycles', // review:
};

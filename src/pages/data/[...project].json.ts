import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { jsonResponse } from '../../site/links';
import { projectDataPath } from '../../data/records';
import { readSiteData } from '../../site/data-files';
import { loadModel } from '../../markdown/check';

/** Each project as its own JSON file, at a URL that mirrors its page: /data/<department>/<year>/<slug>.json. */
export const getStaticPaths = (async () => {
  const model = await loadModel();
  return model.projects.map((project) => ({
    params: {
      project: projectDataPath(project)
        .replace(/^data\//, '')
        .replace(/\.json$/, ''),
    },
    props: { id: project.key },
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props, site }) =>
  jsonResponse(readSiteData(site).byId.get(props.id)!);
